/** The notice page's part about the document library: published (with its link), or the button to publish. */
import { CsrfInput } from "../core/views/forms.js";
import { documentHref } from "../documents/documents.rules.js";

export function NoticeLibraryPanel({
  noticeId,
  documentId,
  canPublish,
  csrfToken,
}: {
  noticeId: number;
  documentId: number | undefined;
  canPublish: boolean;
  csrfToken: string;
}) {
  if (documentId !== undefined)
    return (
      <p class="notice" role="status">
        Đã đăng lên thư viện văn bản: <a href={documentHref(documentId)}>xem trang công khai của văn bản</a>.
      </p>
    );
  if (!canPublish) return null;
  return (
    <form method="post" action={`/quan-tri/thong-bao-ket-luan/${noticeId}/thu-vien`} class="card">
      <CsrfInput token={csrfToken} />
      <p>
        Công khai thông báo này trong thư viện văn bản của cổng thông tin: số, ngày, người ký, cơ quan ban
        hành, trích yếu và tệp văn bản.
      </p>
      <button type="submit" class="button">
        Đăng lên thư viện văn bản
      </button>
    </form>
  );
}
