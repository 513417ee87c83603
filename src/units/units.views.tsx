import type { Child } from "hono/jsx";
import { formatDateVi } from "../core/format/vi-date.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice } from "../core/views/forms.js";
import { AdminLayout, type PageMeta, PublicLayout } from "../core/views/layout.js";
import {
  levelLabel,
  organisationKindLabel,
  successionShareText,
  unitDisplayName,
  validityText,
} from "./unit-labels.js";
import type { SuccessionRow, UnitProfile } from "./units.repo.js";
import type { EditableUnit, UnitDetail, UnitLeader, UnitTreeNode } from "./units.service.js";

/** `/don-vi/5?ngay=2020-01-02`: links keep the date the reader chose. */
export function unitHref(id: number, date?: string): string {
  return date ? `/don-vi/${id}?ngay=${date}` : `/don-vi/${id}`;
}

/** A GET form choosing the date a page is read at (`?ngay=YYYY-MM-DD`). */
function DateForm({
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

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

function SuccessionItem({ link, direction }: { link: SuccessionRow; direction: "to" | "from" }) {
  const other = <a href={unitHref(link.unitId, link.effectiveDate)}>{unitDisplayName(link)}</a>;
  const share = successionShareText(link);
  return (
    <li>
      {direction === "to" ? "Sáp nhập vào " : "Hình thành từ "}
      {other} ({direction === "to" ? share : `${share} của đơn vị cũ`}) từ ngày{" "}
      {formatDateVi(link.effectiveDate)}
      {link.legalBasis ? ` theo ${link.legalBasis}` : null}.
      {link.note ? <span class="muted succession-note"> Ghi chú: {link.note}</span> : null}
    </li>
  );
}

/** One line per person, with every title they hold ("Bí thư Quận ủy; Chủ tịch HĐND quận"). */
function groupLeaders(leaders: UnitLeader[]): { name: string; titles: string[]; biography: string | null }[] {
  const byPerson = new Map<number, { name: string; titles: string[]; biography: string | null }>();
  for (const l of leaders) {
    const entry = byPerson.get(l.personId) ?? { name: l.name, titles: [], biography: l.biography };
    entry.titles.push(l.title);
    byPerson.set(l.personId, entry);
  }
  return [...byPerson.values()];
}

function atExplanation(detail: UnitDetail): string {
  const at = formatDateVi(detail.at);
  if (detail.atReason === "dissolved") {
    return `Ngày ${formatDateVi(detail.requested)} đơn vị không còn hoạt động; thông tin dưới đây là tại ngày ${at}, ngày cuối cùng đơn vị còn hoạt động.`;
  }
  if (detail.atReason === "not_yet") {
    return `Ngày ${formatDateVi(detail.requested)} đơn vị chưa được thành lập; thông tin dưới đây là tại ngày ${at}, ngày đơn vị bắt đầu hoạt động.`;
  }
  return `Thông tin tổ chức và lãnh đạo dưới đây là tại ngày ${at}.`;
}

export function UnitPage({
  meta,
  detail,
  dateError,
  sections,
}: {
  meta: PageMeta;
  detail: UnitDetail;
  dateError?: string;
  /** What other modules show about the unit (assessments, open directives…), before its history. */
  sections?: Child;
}) {
  const { unit, at } = detail;
  const title = unitDisplayName(unit);
  const { predecessors, successors } = detail.successions;
  const hasContact = Boolean(unit.address || unit.phone || unit.email);
  return (
    <PublicLayout meta={meta}>
      <nav aria-label="Vị trí" class="breadcrumb">
        <p class="muted">
          <a href={`/don-vi?ngay=${at}`}>Đơn vị hành chính</a>
          {detail.ancestors.map((a) => (
            <>
              {" › "}
              <a href={unitHref(a.id, at)}>{unitDisplayName(a)}</a>
            </>
          ))}
          {" › "}
          <span aria-current="page">{title}</span>
        </p>
      </nav>
      <h1>{title}</h1>
      {detail.status === "dissolved" && unit.validTo ? (
        <div class="notice notice-warning" role="note">
          <strong>Đơn vị hành chính này không còn tồn tại</strong>: hoạt động đến hết ngày{" "}
          {formatDateVi(unit.validTo)}.
          {successors.length > 0 ? " Xem các đơn vị kế thừa ở mục “Lịch sử sắp xếp” bên dưới." : null}
        </div>
      ) : null}
      {detail.status === "future" ? (
        <div class="notice" role="note">
          Đơn vị này bắt đầu hoạt động từ ngày {formatDateVi(unit.validFrom)}.
        </div>
      ) : null}
      <dl class="changes facts">
        <dt>Cấp hành chính</dt>
        <dd>{levelLabel(unit.level)}</dd>
        <dt>Mã đơn vị hành chính</dt>
        <dd>{unit.code ?? "Chưa có"}</dd>
        <dt>Thời gian hoạt động</dt>
        <dd>{validityText(unit)}</dd>
        <dt>Trực thuộc (tại ngày {formatDateVi(at)})</dt>
        <dd>
          {detail.parent ? (
            <a href={unitHref(detail.parent.id, at)}>{unitDisplayName(detail.parent)}</a>
          ) : (
            "Không (cấp cao nhất)"
          )}
        </dd>
      </dl>

      <DateForm
        action={`/don-vi/${unit.id}`}
        value={detail.requested}
        error={dateError}
        label="Xem thông tin tại ngày"
      />
      <p class="muted as-of" id="ngay-hien-thi">
        {atExplanation(detail)}
      </p>

      <section aria-labelledby="lanh-dao">
        <h2 id="lanh-dao">Lãnh đạo tại ngày {formatDateVi(at)}</h2>
        {detail.leaders.length === 0 ? (
          <p>Chưa có dữ liệu lãnh đạo tại ngày này.</p>
        ) : (
          <ul class="leaders">
            {groupLeaders(detail.leaders).map((person) => (
              <li>
                <strong>{person.name}</strong> – {person.titles.join("; ")}
                {person.biography ? <span class="muted leader-note"> ({person.biography})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="to-chuc">
        <h2 id="to-chuc">Cơ quan, tổ chức tại ngày {formatDateVi(at)}</h2>
        {detail.organisations.length === 0 ? (
          <p>Chưa có dữ liệu cơ quan, tổ chức tại ngày này.</p>
        ) : (
          <ul class="organisations">
            {detail.organisations.map((o) => (
              <li>
                {o.name} <span class="muted org-kind">– {organisationKindLabel(o.kind)}</span>
                {o.positions.length > 0 ? (
                  <ul>
                    {o.positions.map((p) => (
                      <li>
                        {p.title}: {p.fullName}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {detail.children.length > 0 ? (
        <section aria-labelledby="truc-thuoc">
          <h2 id="truc-thuoc">
            Đơn vị trực thuộc tại ngày {formatDateVi(at)} ({detail.children.length})
          </h2>
          <ul class="unit-children">
            {detail.children.map((c) => (
              <li>
                <a href={unitHref(c.id, at)}>{unitDisplayName(c)}</a>
                {c.code ? <span class="muted unit-code"> · mã {c.code}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="lien-he">
        <h2 id="lien-he">Liên hệ và giới thiệu</h2>
        {hasContact ? (
          <dl class="changes facts">
            {unit.address ? (
              <>
                <dt>Địa chỉ</dt>
                <dd>{unit.address}</dd>
              </>
            ) : null}
            {unit.phone ? (
              <>
                <dt>Điện thoại</dt>
                <dd>
                  <a href={`tel:${unit.phone.replace(/[^0-9+]/g, "")}`}>{unit.phone}</a>
                </dd>
              </>
            ) : null}
            {unit.email ? (
              <>
                <dt>Thư điện tử</dt>
                <dd>
                  <a href={`mailto:${unit.email}`}>{unit.email}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>Đơn vị chưa cập nhật địa chỉ, điện thoại và thư điện tử.</p>
        )}
        {unit.intro ? <Paragraphs text={unit.intro} /> : null}
      </section>

      {sections}
      <section aria-labelledby="lich-su">
        <h2 id="lich-su">Lịch sử sắp xếp</h2>
        {predecessors.length === 0 && successors.length === 0 ? (
          <p>Chưa có dữ liệu sáp nhập, chia tách liên quan đến đơn vị này.</p>
        ) : null}
        {predecessors.length > 0 ? (
          <>
            <h3>Các đơn vị tiền thân</h3>
            <ul class="successions">
              {predecessors.map((link) => (
                <SuccessionItem link={link} direction="from" />
              ))}
            </ul>
          </>
        ) : null}
        {successors.length > 0 ? (
          <>
            <h3>Các đơn vị kế thừa</h3>
            <ul class="successions">
              {successors.map((link) => (
                <SuccessionItem link={link} direction="to" />
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </PublicLayout>
  );
}

export function AdminUnitListPage({ meta, units }: { meta: PageMeta; units: EditableUnit[] }) {
  return (
    <AdminLayout meta={meta} active="/quan-tri/don-vi">
      <h1>Hồ sơ đơn vị</h1>
      <p>Các đơn vị bạn được cập nhật địa chỉ, điện thoại, thư điện tử và phần giới thiệu.</p>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">Danh sách đơn vị được cập nhật hồ sơ</caption>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Mã</th>
              <th scope="col">Thời gian hoạt động</th>
              <th scope="col">
                <span class="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr class={u.active ? undefined : "dissolved"}>
                <th scope="row">
                  <a href={unitHref(u.id)}>{unitDisplayName(u)}</a>
                </th>
                <td>{u.code ?? "–"}</td>
                <td>
                  {validityText(u)}
                  {u.active ? null : " (không còn hoạt động)"}
                </td>
                <td>
                  <a href={`/quan-tri/don-vi/${u.id}`} aria-label={`Sửa hồ sơ ${unitDisplayName(u)}`}>
                    Sửa hồ sơ
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export const PROFILE_LABELS: Record<keyof UnitProfile, string> = {
  address: "Địa chỉ trụ sở",
  phone: "Số điện thoại",
  email: "Thư điện tử",
  intro: "Giới thiệu",
};

export function AdminUnitEditPage({
  meta,
  unit,
  values,
  errors,
  notice,
}: {
  meta: PageMeta;
  unit: { id: number; name: string; level: string; validFrom: string; validTo: string | null };
  values: Partial<Record<keyof UnitProfile, string | null>>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const title = `Hồ sơ ${unitDisplayName(unit)}`;
  return (
    <AdminLayout meta={meta} active="/quan-tri/don-vi">
      <p>
        <a href="/quan-tri/don-vi">← Danh sách đơn vị</a>
      </p>
      <h1>{title}</h1>
      <p>
        {validityText(unit)} · <a href={unitHref(unit.id)}>Xem trang công khai</a>
      </p>
      <Notice message={notice} />
      <ErrorSummary errors={errors} labels={PROFILE_LABELS} />
      <form method="post" action={`/quan-tri/don-vi/${unit.id}`} novalidate>
        <CsrfInput token={meta.auth.csrfToken} />
        <Field
          name="address"
          label={PROFILE_LABELS.address}
          value={values.address}
          error={errors?.address}
          autocomplete="street-address"
        />
        <Field
          name="phone"
          label={PROFILE_LABELS.phone}
          type="tel"
          value={values.phone}
          error={errors?.phone}
          hint="Ví dụ: 024 3875 1234"
          autocomplete="tel"
        />
        <Field
          name="email"
          label={PROFILE_LABELS.email}
          type="email"
          value={values.email}
          error={errors?.email}
          hint="Ví dụ: ubnd.thuongthanh@hanoi.gov.vn"
          autocomplete="email"
        />
        <Field
          name="intro"
          label={PROFILE_LABELS.intro}
          multiline
          rows={10}
          value={values.intro}
          error={errors?.intro}
          hint="Để một dòng trống giữa hai đoạn văn."
        />
        <button type="submit" class="button primary">
          Lưu hồ sơ
        </button>
      </form>
    </AdminLayout>
  );
}
