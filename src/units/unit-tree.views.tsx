/** The public tree of units (`/don-vi`) and the date form both unit pages share. */
import { formatDateVi } from "../core/format/vi-date.js";
import { type PageMeta, PublicLayout } from "../core/views/layout.js";
import { unitDisplayName } from "./unit-labels.js";
import type { UnitTreeNode } from "./units.service.js";

/** `/don-vi/5?ngay=2020-01-02`: links keep the date the reader chose. */
export function unitHref(id: number, date?: string): string {
  return date ? `/don-vi/${id}?ngay=${date}` : `/don-vi/${id}`;
}

/** A GET form choosing the date a page is read at (`?ngay=YYYY-MM-DD`). */
export function DateForm({
  action,
  value,
  error,
  label,
}: {
  action: string;
  value: string;
  error?: string;
  label: string;
}) {
  return (
    <form method="get" action={action} class="inline-fields date-form">
      <div class={error ? "field has-error" : "field"}>
        <label for="f-ngay">{label}</label>
        <input
          id="f-ngay"
          name="ngay"
          type="date"
          value={value}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "f-ngay-error" : undefined}
        />
        {error ? (
          <p class="field-error" id="f-ngay-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" class="button">
        Xem
      </button>
    </form>
  );
}

function TreeList({ nodes, at }: { nodes: UnitTreeNode[]; at: string }) {
  return (
    <ul class="unit-tree">
      {nodes.map((node) => (
        <li>
          <a href={unitHref(node.unit.id, at)}>{unitDisplayName(node.unit)}</a>
          {node.unit.code ? <span class="muted unit-code"> · mã {node.unit.code}</span> : null}
          {node.children.length > 0 ? (
            <>
              <span class="muted unit-count"> ({node.children.length} đơn vị trực thuộc)</span>
              <TreeList nodes={node.children} at={at} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function countNodes(nodes: UnitTreeNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

export function UnitTreePage({
  meta,
  at,
  tree,
  error,
  requestedText,
}: {
  meta: PageMeta;
  at: string;
  tree: UnitTreeNode[];
  error?: string;
  requestedText?: string;
}) {
  return (
    <PublicLayout meta={meta}>
      <h1>Đơn vị hành chính</h1>
      <p>
        Cơ cấu đơn vị hành chính thay đổi theo thời gian (sáp nhập, chia tách, bỏ cấp quận từ 01/07/2025).
        Chọn một ngày để xem các đơn vị đang hoạt động vào ngày đó.
      </p>
      <DateForm action="/don-vi" value={requestedText ?? at} error={error} label="Xem tại ngày" />
      <h2 id="tree-title">
        Các đơn vị tại ngày {formatDateVi(at)} ({countNodes(tree)} đơn vị)
      </h2>
      {tree.length === 0 ? (
        <p>Không có đơn vị nào hoạt động vào ngày này.</p>
      ) : (
        <nav aria-labelledby="tree-title">
          <TreeList nodes={tree} at={at} />
        </nav>
      )}
    </PublicLayout>
  );
}
