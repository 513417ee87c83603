import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { ValidationError } from "./errors.js";

/**
 * A router whose Zod validation failures become our 422 with field paths
 * (`{ error: { code: "validation_failed", fields: { "body.title": "…" } } }`).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, _c) => {
      if (!result.success) {
        const fields: Record<string, string> = {};
        const target = (result as { target?: string }).target;
        for (const issue of result.error.issues) {
          const path = [target === "json" || target === "form" ? "body" : target, ...issue.path]
            // Not filter(Boolean): the first element of an array is index 0 (`body.values.0.value`).
            .filter((part) => part !== undefined && part !== "")
            .join(".");
          fields[path || "body"] ??= issue.message;
        }
        throw new ValidationError(fields);
      }
    },
  });
}
