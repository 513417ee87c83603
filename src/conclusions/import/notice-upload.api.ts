/**
 * `POST /api/v1/conclusions/parse` with a file: the same reading as the JSON `{text}` form, of the text
 * of an uploaded Word (.docx) or text PDF notice (multipart/form-data, fields `file`, `sessionId`,
 * `date`). Nothing is stored. Registered just before the JSON route, which it hands every other request.
 */
import type { OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { formText } from "../../core/http/params.js";
import type { AppCtx } from "../../core/http/request.js";
import { ParseInputSchema } from "../conclusions.schema.js";
import { readNoticeFile, uploadBytes } from "./notice-import.service.js";

export const PARSE_PATH = "/api/v1/conclusions/parse";

/**
 * The multipart body in the OpenAPI document. A plain schema, not a Zod one, so that the JSON route's
 * validators do not claim these requests: they are read here.
 */
export const PARSE_UPLOAD_CONTENT = {
  "multipart/form-data": {
    schema: {
      type: "object" as const,
      required: ["file"],
      properties: {
        file: {
          type: "string" as const,
          format: "binary",
          description:
            "The notice as a Word document (.docx) or a PDF with a text layer, at most 10 MB; the type is read from the file's bytes. A scanned PDF is refused with a message.",
        },
        sessionId: { type: "integer" as const, minimum: 1, description: "As in the JSON form." },
        date: { type: "string" as const, format: "date", description: "As in the JSON form." },
      },
    },
  },
};

type ParseInput = z.infer<typeof ParseInputSchema>;

export function registerParseUpload(
  app: OpenAPIHono<AppEnv>,
  answer: (c: AppCtx, input: ParseInput) => Promise<Response>,
): void {
  app.post(PARSE_PATH, async (c, next) => {
    if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return next();
    await actorOf(c); // signed in before any file is read
    const form = await c.req.parseBody();
    const reading = await readNoticeFile(await uploadBytes(form.file, "body.file"), "body.file");
    const sessionId = formText(form, "sessionId").trim();
    const date = formText(form, "date").trim();
    const parsed = ParseInputSchema.safeParse({
      text: reading.text,
      ...(sessionId ? { sessionId: /^\d{1,10}$/.test(sessionId) ? Number(sessionId) : sessionId } : {}),
      ...(date ? { date } : {}),
    });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "text" ? "body.file" : ["body", ...issue.path].join(".");
        fields[key] ??=
          issue.path[0] === "text" ? "Văn bản trong tệp quá dài để đọc một lần." : issue.message;
      }
      throw new ValidationError(fields);
    }
    return answer(c, parsed.data);
  });
}
