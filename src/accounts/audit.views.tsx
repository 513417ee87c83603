import type { AuditEventRow } from "../core/audit/audit.repo.js";
import { formatDateTimeVi } from "../core/format/vi-date.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from "./audit-labels.model.js";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields that differ between before and after, so a reader sees what changed at a glance. */
export function changedFields(
  before: unknown,
  after: unknown,
): { field: string; from: string; to: string }[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, from: show(b[k]), to: show(a[k]) }));
}

export interface AuditQuery {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
}

export function AuditPage({
  meta,
  rows,
  total,
  pageSize,
  query,
  unitNames,
}: {
  meta: PageMeta;
  rows: AuditEventRow[];
  total: number;
  pageSize: number;
  query: AuditQuery;
  unitNames: Map<number, string>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: String(page) })) if (v) params.set(k, String(v));
    return `/quan-tri/nhat-ky?${params}`;
  };
  return (
    <AdminLayout meta={meta} active="/quan-tri/nhat-ky">
      <h1>Nhật ký thay đổi</h1>
      <form method="get" action="/quan-tri/nhat-ky" class="filters" aria-label="Lọc nhật ký">
        <label>
          Loại đối tượng{" "}
          <select name="entityType">
            <option value="">Tất cả</option>
            {Object.entries(ENTITY_LABELS).map(([value, label]) => (
              <option value={value} selected={query.entityType === value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hành động{" "}
          <select name="action">
            <option value="">Tất cả</option>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option value={value} selected={query.action === value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Người thực hiện <input name="actor" value={query.actor ?? ""} />
        </label>
        <label>
          Từ ngày <input type="date" name="from" value={query.from ?? ""} />
        </label>
        <label>
          Đến ngày <input type="date" name="to" value={query.to ?? ""} />
        </label>
        <button type="submit" class="button">
          Lọc
        </button>
      </form>
      <p>
        {total.toLocaleString("vi-VN")} sự kiện · trang {query.page}/{pages}
      </p>
      <table class="audit-table">
        <caption class="visually-hidden">Các thay đổi, mới nhất trước</caption>
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Hành động</th>
            <th scope="col">Đối tượng</th>
            <th scope="col">Đơn vị</th>
            <th scope="col">Giá trị trước → sau</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{formatDateTimeVi(r.at)}</td>
              <td>{r.actorName}</td>
              <td>{actionLabel(r.action)}</td>
              <td>
                {entityLabel(r.entityType)}
                {r.entityId ? ` #${r.entityId}` : ""}
              </td>
              <td>{r.unitId ? (unitNames.get(r.unitId) ?? `#${r.unitId}`) : "—"}</td>
              <td>
                <dl class="changes">
                  {changedFields(r.before, r.after).map((ch) => (
                    <>
                      <dt>{ch.field}</dt>
                      <dd>
                        <del>{ch.from}</del> → <ins>{ch.to}</ins>
                      </dd>
                    </>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Phân trang" class="pager">
        {query.page > 1 ? <a href={link(query.page - 1)}>‹ Trang trước</a> : null}
        {query.page < pages ? <a href={link(query.page + 1)}>Trang sau ›</a> : null}
      </nav>
    </AdminLayout>
  );
}
