import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field } from "../core/views/forms.js";
import { type PageMeta, PublicLayout } from "../core/views/layout.js";

export function LoginPage({
  meta,
  next,
  username,
  errors,
  message,
}: {
  meta: PageMeta;
  next: string;
  username?: string;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <PublicLayout meta={meta}>
      <section class="narrow card" aria-labelledby="login-title">
        <h1 id="login-title">Đăng nhập</h1>
        <p>Dành cho cán bộ, công chức sử dụng hệ thống.</p>
        {message ? (
          <p class="form-error" role="alert">
            {message}
          </p>
        ) : null}
        <ErrorSummary errors={errors} labels={{ username: "Tên đăng nhập", password: "Mật khẩu" }} />
        <form method="post" action="/dang-nhap" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <Field
            name="username"
            label="Tên đăng nhập"
            value={username}
            error={errors?.username}
            required
            autocomplete="username"
          />
          <Field
            name="password"
            label="Mật khẩu"
            type="password"
            error={errors?.password}
            required
            autocomplete="current-password"
          />
          <button type="submit" class="button primary">
            Đăng nhập
          </button>
        </form>
      </section>
    </PublicLayout>
  );
}
