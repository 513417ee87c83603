/** Public pages of the document library: the searchable list and one document with its files. */
import { raw } from "hono/html";
import { formatDateVi } from "../core/format/vi-date.js";
import { formatViNumber } from "../core/format/vi-number.js";
import { jsonForScript } from "../core/views/json-script.js";
import { type PageMeta, PublicLayout } from "../core/views/layout.js";
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentFile,
  type DocumentRecord,
  documentTypeLabel,
} from "./documents.model.js";
import { documentFileHref, documentHref } from "./documents.rules.js";
import type { DocumentSearch } from "./documents.service.js";

export const LIBRARY_HREF = "/van-ban";
export const LIBRARY_CSS = "/static/library.css";

/** Feeds of new documents, linked from the library's pages so feed readers find them. */
export function LibraryHead() {
  return (
    <>
      <link rel="stylesheet" href={LIBRARY_CSS} />
      <link rel="alternate" type="application/atom+xml" title="Văn bản mới (Atom)" href="/van-ban/atom.xml" />
      <link rel="alternate" type="application/rss+xml" title="Văn bản mới (RSS)" href="/van-ban/rss.xml" />
    </>
  );
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatViNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : `${formatViNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function fileKindLabel(f: DocumentFile): string {
  return f.mimeType === "application/pdf" ? "PDF" : "Word";
}

export function FileLinks({ document }: { document: DocumentRecord }) {
  if (document.files.length === 0) return <p class="muted">Chưa có tệp đính kèm.</p>;
  return (
    <ul class="document-files">
      {document.files.map((f) => (
        <li>
          <a href={documentFileHref(document.id, f.id)}>{f.name}</a>
          {` (${fileKindLabel(f)}, ${fileSize(f.byteSize)})`}
        </li>
      ))}
    </ul>
  );
}

const heading = (d: DocumentRecord) => `${documentTypeLabel(d.type)} số ${d.number}`;

function ResultCard({ d }: { d: DocumentRecord }) {
  return (
    <li class="document-card">
      <h2>
        <a href={documentHref(d.id)}>{heading(d)}</a>
      </h2>
      <p>{d.title}</p>
      <p class="muted">{`${d.issuingBody} · Ban hành ngày ${formatDateVi(d.issuedOn)}${d.files.length > 0 ? ` · ${d.files.length} tệp` : ""}`}</p>
    </li>
  );
}

function pageHref(s: DocumentSearch, page: number): string {
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  if (s.type) params.set("loai", s.type);
  if (s.body) params.set("co-quan", s.body);
  if (s.year !== undefined) params.set("nam", String(s.year));
  if (page > 1) params.set("trang", String(page));
  const query = params.toString();
  return query ? `${LIBRARY_HREF}?${query}` : LIBRARY_HREF;
}

export function LibraryPage({
  meta,
  search,
  rows,
  total,
  pageSize,
  facets,
  errors,
}: {
  meta: PageMeta;
  search: DocumentSearch;
  rows: DocumentRecord[];
  total: number;
  pageSize: number;
  facets: { bodies: string[]; years: number[] };
  errors: Record<string, string>;
}) {
  const filtered = Boolean(search.type || search.body || search.year !== undefined);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <PublicLayout meta={meta}>
      <h1>Văn bản chỉ đạo, điều hành</h1>
      <form method="get" action={LIBRARY_HREF} class="library-search" role="search">
        <div class="field">
          <label for="q">Số, ký hiệu hoặc trích yếu</label>
          <input
            id="q"
            name="q"
            type="search"
            value={search.q ?? ""}
            aria-describedby="q-hint"
            {...(errors.q ? { "aria-invalid": "true" } : {})}
          />
          <p class="hint" id="q-hint">
            Ví dụ: 136-TB/QU, “tiếp công dân”. Không cần gõ dấu.
          </p>
        </div>
        <details open={filtered}>
          <summary>Lọc theo loại, cơ quan ban hành, năm</summary>
          <div class="filters">
            <div class="field">
              <label for="loai">Loại văn bản</label>
              <select id="loai" name="loai">
                <option value="">Tất cả</option>
                {DOCUMENT_TYPES.map((t) => (
                  <option value={t} selected={search.type === t}>
                    {DOCUMENT_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="co-quan">Cơ quan ban hành</label>
              <select id="co-quan" name="co-quan">
                <option value="">Tất cả</option>
                {facets.bodies.map((b) => (
                  <option value={b} selected={search.body === b}>
                    {b}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="nam">Năm ban hành</label>
              <select
                id="nam"
                name="nam"
                {...(errors.year ? { "aria-invalid": "true", "aria-describedby": "nam-error" } : {})}
              >
                <option value="">Tất cả</option>
                {facets.years.map((y) => (
                  <option value={String(y)} selected={search.year === y}>
                    {String(y)}
                  </option>
                ))}
              </select>
              {errors.year ? (
                <p class="field-error" id="nam-error">
                  {errors.year}
                </p>
              ) : null}
            </div>
          </div>
        </details>
        <button type="submit" class="button primary">
          Tìm văn bản
        </button>
      </form>
      <p role="status" class="muted">
        {total === 0
          ? "Không tìm thấy văn bản nào phù hợp."
          : `${formatViNumber(total)} văn bản, mới nhất trước${search.q ? "; văn bản đúng số, ký hiệu đứng đầu" : ""}.`}
      </p>
      <ol class="document-list">
        {rows.map((d) => (
          <ResultCard d={d} />
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Trang kết quả" class="pagination">
          {search.page > 1 ? <a href={pageHref(search, search.page - 1)}>‹ Trang trước</a> : null}
          <span>{` Trang ${search.page}/${pages} `}</span>
          {search.page < pages ? <a href={pageHref(search, search.page + 1)}>Trang sau ›</a> : null}
        </nav>
      ) : null}
      <p>
        Theo dõi văn bản mới: <a href="/van-ban/atom.xml">Atom</a> · <a href="/van-ban/rss.xml">RSS</a> ·{" "}
        <a href="/du-lieu-mo">dữ liệu mở</a>
      </p>
    </PublicLayout>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function DocumentPage({
  meta,
  document: d,
  jsonLd,
}: {
  meta: PageMeta;
  document: DocumentRecord;
  jsonLd: unknown;
}) {
  return (
    <PublicLayout meta={meta}>
      <script type="application/ld+json">{raw(jsonForScript(jsonLd))}</script>
      <nav aria-label="Vị trí" class="breadcrumb">
        <ol>
          <li>
            <a href="/">Trang chủ</a>
          </li>
          <li>
            <a href={LIBRARY_HREF}>Văn bản</a>
          </li>
          <li aria-current="page">{d.number}</li>
        </ol>
      </nav>
      <h1>{heading(d)}</h1>
      <p class="document-summary">{d.title}</p>
      <dl class="document-facts">
        <Row label="Loại văn bản" value={documentTypeLabel(d.type)} />
        <Row label="Số, ký hiệu" value={d.number} />
        <Row label="Cơ quan ban hành" value={d.issuingBody} />
        <Row
          label="Người ký"
          value={d.signerName ? `${d.signerName}${d.signerTitle ? `, ${d.signerTitle}` : ""}` : null}
        />
        <Row label="Ngày ban hành" value={formatDateVi(d.issuedOn)} />
        <Row label="Ngày có hiệu lực" value={d.effectiveOn ? formatDateVi(d.effectiveOn) : null} />
      </dl>
      <section aria-labelledby="tep">
        <h2 id="tep">Tệp văn bản</h2>
        <FileLinks document={d} />
      </section>
      {d.isPublic ? null : (
        <p class="notice" role="status">
          Văn bản này chưa công khai: chỉ cán bộ quản lý thư viện của đơn vị xem được.
        </p>
      )}
      <p>
        <a href={LIBRARY_HREF}>‹ Về thư viện văn bản</a>
      </p>
    </PublicLayout>
  );
}
