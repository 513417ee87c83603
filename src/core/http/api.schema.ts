/**
 * Zod pieces every room's API shares: ids (int4), dates, bounded text, the error body and the
 * `{ data }` wrapper. They validate at the edge and document the OpenAPI schema alike.
 */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../format/vi-date.js";
import { dbIdParamSchema, dbIdSchema } from "../validation/input.schema.js";

export const IdParamSchema = z.object({
  id: dbIdParamSchema().openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const DateSchema = z
  .string()
  .refine(isIsoDate, { error: "Ngày phải có dạng YYYY-MM-DD và là ngày có thật." })
  .openapi({ example: "2020-01-02" });

/** A database id in a JSON body: a positive int4 (validation/input.schema.ts). */
export const idSchema = dbIdSchema();

/** Text trimmed and bounded, with the bound in Vietnamese. */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Dài tối đa ${max} ký tự.` });

/** Bounded text that must not be empty. */
export const requiredTextSchema = (max: number) => textSchema(max).min(1, { error: "Không được để trống." });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ example: { "body.values.0.value": "Giá trị phải là một số." } }),
    }),
  })
  .openapi("Error");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});

export type ErrorStatus = 401 | 403 | 404 | 409 | 422;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  401: "Not signed in, or the API token is invalid or revoked.",
  403: "The caller's roles do not allow this (or a session cookie came without `X-CSRF-Token`).",
  404: "Not found, or not visible to the caller.",
  409: "The current state of the data does not allow this.",
  422: "Invalid input; `error.fields` maps each field path (`body.title`, `query.at`…) to its message.",
};

/** The usual error responses, with generic descriptions; list a status after it to describe it better. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(ERROR_DESCRIPTIONS[s])])) as Record<
    S,
    ReturnType<typeof errorResponse>
  >;
}

/**
 * Who may call an operation, as OpenAPI security requirements over the schemes api-docs declares:
 * `bearer` (an API token), `session` (the session cookie) and `csrf` (the `X-CSRF-Token` header a
 * cookie session must send with every change).
 */
export type Access = "public" | "optional" | "read" | "write";

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  // Anyone, signed in or not, gets the same answer.
  public: [],
  // Anyone; a signed-in caller may see more.
  optional: [{}, { bearer: [] }, { session: [] }],
  read: [{ bearer: [] }, { session: [] }],
  write: [{ bearer: [] }, { session: [], csrf: [] }],
};

/**
 * An operation's `security` and a description ending with who may call it (the policy action and
 * roles of core/access/policy.ts), so that the contract states its security.
 */
export function access(kind: Access, who: string, description?: string) {
  const line = `**Access:** ${who}`;
  return { security: SECURITY[kind], description: description ? `${description}\n\n${line}` : line };
}

/** A JSON body wrapped as `{ data: … }`; the schema documents it. */
export function dataResponse(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema: z.object({ data: schema }) } } };
}

/**
 * The refusals every operation on one record documents: `thing` names it in the 404 ("No such
 * directive, or not visible to the caller."); a record the caller may not see is never confirmed.
 */
export function recordErrors(thing?: string) {
  return {
    ...errorResponses(401, 403),
    404: errorResponse(`${thing ? `No such ${thing}` : "Not found"}, or not visible to the caller.`),
  };
}
