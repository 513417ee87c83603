import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isForeignKeyViolation, isUnstorableValue } from "../db/dialect.js";
import { vnDateString } from "../format/vi-date.js";
import type { AppEnv } from "./env.js";
import { ErrorPage, errorTitle } from "./error-pages.js";
import { AppError, type FieldErrors, TooManyRequestsError } from "./errors.js";
import { wantsJson } from "./request.js";

function respond(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fields?: FieldErrors,
) {
  if (wantsJson(c)) {
    return c.json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
  }
  const auth = c.get("auth") ?? { actor: null, via: null, sessionId: null, csrfToken: "" };
  const ctx = c.get("ctx");
  const meta = {
    title: errorTitle(status),
    siteName: ctx?.config.siteName ?? "giaoban",
    auth,
    today: vnDateString(ctx?.now() ?? new Date()),
  };
  return c.html(<ErrorPage meta={meta} status={status} message={message} />, status);
}

const MALFORMED_BODY =
  "Nội dung gửi lên không đọc được: JSON hoặc biểu mẫu sai cú pháp. Vui lòng kiểm tra lại.";

/**
 * Maps every thrown error to a response: AppErrors keep their status and Vietnamese message; anything
 * else is a bug, logged with its stack and shown as a plain 500 without details.
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) {
    if (error.status === 401 && !wantsJson(c) && c.req.method === "GET") {
      return c.redirect(`/dang-nhap?next=${encodeURIComponent(c.req.path)}`);
    }
    if (error instanceof TooManyRequestsError) c.header("Retry-After", String(error.retryAfterSeconds));
    return respond(c, error.status, error.code, error.message, error.fields);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 413) return respond(c, status, "payload_too_large", "Tệp tải lên quá lớn.");
    // Hono's own messages are English ("Malformed JSON in request body"): a body it cannot read.
    if (status === 400) return respond(c, status, "bad_request", MALFORMED_BODY);
    return respond(c, status, "http_error", errorTitle(status));
  }
  if (isUnstorableValue(error)) {
    // A field the validation layer missed: still the client's input, so a 422 rather than a 500; the
    // warning says which check to add.
    c.get("ctx")?.logger.warn({ err: error, path: c.req.path }, "unstorable value reached the database");
    return respond(
      c,
      422,
      "validation_failed",
      "Dữ liệu có ký tự hoặc con số không lưu được (ký tự NUL, số quá lớn). Vui lòng kiểm tra lại.",
    );
  }
  if (isForeignKeyViolation(error)) {
    // An id the service did not check (a person, an organisation, a file): the client's input too.
    c.get("ctx")?.logger.warn({ err: error, path: c.req.path }, "foreign key violation reached the database");
    if (c.req.method === "DELETE") {
      return respond(c, 409, "conflict", "Mục này đang được dữ liệu khác sử dụng nên chưa xóa được.");
    }
    return respond(
      c,
      422,
      "validation_failed",
      "Dữ liệu nhắc đến một mục không tồn tại (đơn vị, cơ quan, người, tệp hoặc bản ghi). Vui lòng kiểm tra lại.",
    );
  }
  c.get("ctx")?.logger.error({ err: error, path: c.req.path }, "unhandled error");
  return respond(c, 500, "internal_error", "Hệ thống gặp sự cố. Vui lòng thử lại sau ít phút.");
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  respond(c, 404, "not_found", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.");
