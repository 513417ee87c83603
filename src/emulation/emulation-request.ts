import { z } from "@hono/zod-openapi";
import { parseViNumber } from "../core/format/vi-number.js";

/**
 * A number typed the vi-VN way ("48,5"), empty meaning "none". Collects the message under `field`
 * when the text is not a number, and returns NaN so the caller's later checks do not run on it.
 */
export function formNumber(text: string, field: string, errors: Record<string, string>): number | null {
  if (text.trim() === "") return null;
  const parsed = parseViNumber(text);
  if (!parsed.ok) {
    errors[field] = parsed.message;
    return Number.NaN;
  }
  return parsed.value;
}

/** The error body every API route documents. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi("EmulationError");

/** Standard error responses for the OpenAPI document. */
export function errorResponses(...statuses: (401 | 403 | 404 | 409 | 422)[]) {
  const descriptions = {
    401: "Chưa đăng nhập",
    403: "Không có quyền",
    404: "Không tìm thấy",
    409: "Xung đột với dữ liệu đã có",
    422: "Dữ liệu không hợp lệ (fields: đường dẫn trường → thông báo)",
  } as const;
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s], content: { "application/json": { schema: ErrorResponseSchema } } },
    ]),
  ) as Record<
    (typeof statuses)[number],
    { description: string; content: { "application/json": { schema: typeof ErrorResponseSchema } } }
  >;
}
