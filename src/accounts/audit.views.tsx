import type { AuditEventRow } from "../core/audit/audit.repo.js";
import { formatDateTimeVi } from "../core/format/vi-date.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { type AuditValueLabels, changedFields, type FieldChange } from "./audit-changes.rules.js";
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from "./audit-labels.model.js";

/** One change: "Trạng thái: Đang thực hiện → Chờ xác nhận", or only the new value for a new record. */
function Change({ change }: { change: FieldChange }) {
  return (
    <li>
      <span class="change-field">{change.field}:</span>{" "}
      {change.from === "" ? (
        <ins>{change.to}</ins>
      ) : (
        <>
          <del>{change.from}</del> → {change.to === "" ? <ins>(để trống)</ins> : <ins>{change.to}</ins>}
        </>
      )}
    </li>
  );
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
  organisationNames,
  valueLabels,
}: {
  meta: PageMeta;
  rows: AuditEventRow[];
  total: number;
  pageSize: number;
  query: AuditQuery;
  unitNames: Map<number, string>;
  organisationNames: Map<number, string>;
  /** Labels of stored codes by kind of record and field (the rooms' state and status words). */
  valueLabels: AuditValueLabels;
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
            <th scope="col">Thay đổi (trước → sau)</th>
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
                <ul class="audit-changes">
                  {changedFields(r.before, r.after, r.entityType, valueLabels, {
                    unit: (id) => unitNames.get(id),
                    organisation: (id) => organisationNames.get(id),
                  }).map((ch) => (
                    <Change change={ch} />
                  ))}
                </ul>
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
