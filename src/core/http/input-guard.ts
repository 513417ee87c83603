import type { Context } from "hono";
import { findUnstorableText, isUnstorableText, TEXT_NOT_STORABLE } from "../validation/input.rules.js";
import type { AppEnv } from "./env.js";
import { NotFoundError, ValidationError } from "./errors.js";

/**
 * Refuses, once for every route, text that PostgreSQL cannot store (NUL, lone surrogate halves):
 * in the path a 404 (no page has such an address), in the query string or the body a 422 naming the
 * field (`query.q`, `body.title`). Without it each form and API field would need its own check, and a
 * single forgotten one is a 500 on PostgreSQL while SQLite stores the text.
 */

/** The address: cheap enough for every read, since a NUL can only arrive percent-encoded. */
export function refuseUnstorableAddress(c: Context<AppEnv>): void {
  if (!c.req.url.includes("%00")) return;
  if (c.req.path.includes("\u0000")) throw new NotFoundError();
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (isUnstorableText(key) || values.some(isUnstorableText)) {
      throw new ValidationError({ [`query.${key.replace(/\u0000/g, "")}`]: TEXT_NOT_STORABLE });
    }
  }
}

/** The body of a change: JSON strings and keys, form fields (not uploaded files), plain text. */
export async function refuseUnstorableBody(c: Context<AppEnv>): Promise<void> {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json")) {
    const text = await c.req.text();
    // JSON can only carry these characters escaped: skip the second parse when there is none.
    if (!/\\u(0000|d[89a-f])/i.test(text)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return; // malformed JSON is the route validator's to refuse
    }
    const path = findUnstorableText(parsed, "body");
    if (path) throw new ValidationError({ [path]: TEXT_NOT_STORABLE });
  } else if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") {
    // Hono keeps the parsed FormData, so the route's own parseBody does not read the body again.
    const form = await c.req.parseBody({ all: true });
    for (const [key, value] of Object.entries(form)) {
      const values = Array.isArray(value) ? value : [value];
      if (isUnstorableText(key) || values.some((v) => typeof v === "string" && isUnstorableText(v))) {
        throw new ValidationError({ [`body.${key.replace(/\u0000/g, "")}`]: TEXT_NOT_STORABLE });
      }
    }
  } else if (type.startsWith("text/")) {
    if (isUnstorableText(await c.req.text())) throw new ValidationError({ body: TEXT_NOT_STORABLE });
  }
}
