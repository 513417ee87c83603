/** The first step of entering a notice's conclusions: upload its Word or PDF file, or paste its text. */
import { CsrfInput, ErrorSummary, Field } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { SESSIONS_HREF } from "../../sessions/sessions.views.js";

export function PastePage({
  meta,
  sessionId,
  sessionTitle,
  text,
  error,
  fileError,
}: {
  meta: PageMeta;
  sessionId: number;
  sessionTitle: string;
  text?: string;
  error?: string;
  /** A refused or unreadable upload. */
  fileError?: string;
}) {
  return (
    <AdminLayout meta={meta} active={SESSIONS_HREF}>
      <h1>Nhập kết luận</h1>
      <p>
        Buổi làm việc: <a href={`${SESSIONS_HREF}/${sessionId}`}>{sessionTitle}</a>
      </p>
      <p>
        Tải lên thông báo kết luận (tệp Word .docx hoặc PDF), hoặc dán nội dung thông báo hay bài tin về buổi
        làm việc. Hệ thống đề xuất các nội dung kết luận (số thứ tự, lĩnh vực, đơn vị chủ trì, phối hợp, thời
        hạn) để bạn kiểm tra bên cạnh bản gốc và sửa trước khi lưu.
      </p>
      <ErrorSummary
        errors={{ ...(fileError ? { file: fileError } : {}), ...(error ? { text: error } : {}) }}
      />
      <form
        method="post"
        action={`${SESSIONS_HREF}/${sessionId}/ket-luan/doc`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfInput token={meta.auth.csrfToken} />
        <Field
          name="file"
          label="Tệp thông báo (Word .docx hoặc PDF, tối đa 10 MB)"
          type="file"
          accept={NOTICE_FILE_ACCEPT}
          error={fileError}
          hint="Bản gốc được lưu kèm thông báo. Bản PDF quét (ảnh chụp) chưa đọc được."
        />
        <Field
          name="text"
          label="Hoặc dán nội dung kết luận"
          multiline
          rows={18}
          value={text}
          error={error}
        />
        <button type="submit" class="button primary">
          Đọc và đề xuất
        </button>
      </form>
    </AdminLayout>
  );
}

/** What the file picker offers: Word documents and PDFs (the server checks the bytes). */
const NOTICE_FILE_ACCEPT =
  ".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
