import type { PageMeta } from "../views/layout.js";
import { PublicLayout } from "../views/layout.js";

const TITLES: Record<number, string> = {
  400: "Yêu cầu không hợp lệ",
  401: "Cần đăng nhập",
  403: "Không có quyền truy cập",
  404: "Không tìm thấy trang",
  409: "Dữ liệu bị trùng hoặc xung đột",
  422: "Dữ liệu chưa hợp lệ",
  429: "Quá nhiều yêu cầu",
  500: "Đã xảy ra lỗi",
};

export function errorTitle(status: number): string {
  return TITLES[status] ?? TITLES[500] ?? "Lỗi";
}

/** One page for every error status: what happened, in plain Vietnamese, and where to go next. */
export function ErrorPage({ meta, status, message }: { meta: PageMeta; status: number; message: string }) {
  return (
    <PublicLayout meta={meta}>
      <section class="error-page" aria-labelledby="error-title">
        <p class="error-code">Lỗi {status}</p>
        <h1 id="error-title">{errorTitle(status)}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Về trang chủ</a>
          {status === 403 && !meta.auth.actor ? (
            <>
              {" · "}
              <a href="/dang-nhap">Đăng nhập</a>
            </>
          ) : null}
        </p>
      </section>
    </PublicLayout>
  );
}
