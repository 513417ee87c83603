/**
 * Zod pieces every room's API shares: ids (int4), dates, bounded text, the error body and the
 * `{ data }` wrapper. They validate at the edge and document the OpenAPI schema alike.
 */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../format/vi-date.js";
import { dbIdSchema } from "../validation/input.schema.js";

export const IdParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
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
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi("Error");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});

/** A JSON body wrapped as `{ data: … }`; the schema documents it. */
export function dataResponse(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema: z.object({ data: schema }) } } };
}
