/** The original of an imported notice, shown beside the review of what the reader found in it. */
import { raw } from "hono/html";
import type { NoticeSource } from "./notice-import.service.js";

/** Where a stored file is downloaded (the directives room serves it after a permission check). */
export const fileHref = (id: number) => `/quan-tri/tep/${id}`;

export function NoticeSourcePanel({ source }: { source: NoticeSource }) {
  return (
    <aside class="review-source card" aria-labelledby="source-head">
      <h2 id="source-head">Bản gốc</h2>
      <p>
        <a href={fileHref(source.fileId)}>{source.name}</a>
        {` (${source.kind === "pdf" ? "PDF" : "Word"})`}
      </p>
      {source.html !== null ? (
        // Sanitised in notice-import.service.ts: paragraphs, emphasis, lists and tables only.
        <div class="source-doc">{raw(source.html)}</div>
      ) : (
        (source.pages ?? []).map((page, i) => (
          <section aria-label={`Trang ${i + 1}`}>
            <h3>{`Trang ${i + 1}`}</h3>
            <pre class="source-page">{page}</pre>
          </section>
        ))
      )}
    </aside>
  );
}
