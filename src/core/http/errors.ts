/** Field path → Vietnamese message, e.g. `{ "title": "Vui lòng nhập tiêu đề" }`. */
export type FieldErrors = Record<string, string>;

/**
 * An error a user may see. `code` is stable for API clients; `message` is Vietnamese for people.
 * Anything thrown that is not an AppError is a bug: logged in full, shown as a plain 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class BadRequestError extends AppError {
  constructor(message = "Yêu cầu không hợp lệ.", fields?: FieldErrors) {
    super(400, "bad_request", message, fields);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Bạn cần đăng nhập để tiếp tục.") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Không tìm thấy nội dung bạn yêu cầu.") {
    super(404, "not_found", message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fields?: FieldErrors) {
    super(409, "conflict", message, fields);
  }
}

export class ValidationError extends AppError {
  constructor(
    fields: FieldErrors,
    message = "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
  ) {
    super(422, "validation_failed", message, fields);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "too_many_requests", message);
  }
}
