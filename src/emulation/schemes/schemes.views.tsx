import { formatViNumber } from "../../core/format/vi-number.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { PickerField } from "../../core/views/picker.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { unitPickerGroups } from "../../units/unit-picker.rules.js";
import { periodLabel } from "../emulation-period.rules.js";
import { ASSESSMENT_RULES, INDICATOR_RULES } from "../scoring/scoring.rules.js";
import { CRITERION_KIND_LABELS, type CriterionNode, type TreeIssue } from "./criteria-tree.rules.js";
import { SchemeManageForms } from "./scheme-forms.views.js";
import type { ClusterRow, SchemeRow } from "./schemes.repo.js";

type FormState = { values?: Record<string, string>; errors?: FieldErrors; notice?: string | null };

/** Depth shown with em spaces: the CSP allows no inline style, and the code already says the level. */
export const indent = (depth: number) => "\u2003".repeat(depth);

export function SchemeListPage({
  meta,
  schemes,
  owners,
  state,
}: {
  meta: PageMeta;
  schemes: SchemeRow[];
  owners: UnitName[];
  state: FormState;
}) {
  const v = state.values ?? {};
  return (
    <AdminLayout meta={meta} active="/quan-tri/thi-dua">
      <h1>Chấm điểm thi đua</h1>
      <Notice message={state.notice} />
      {schemes.length === 0 ? (
        <p>Chưa có bảng chấm điểm thi đua nào trong phạm vi của bạn.</p>
      ) : (
        <ul>
          {schemes.map((s) => (
            <li>
              <a href={`/quan-tri/thi-dua/${s.id}`}>{s.name}</a> — các đơn vị thuộc {s.ownerUnitName},{" "}
              {periodLabel(s.periodKey)}, tối đa {formatViNumber(s.maxPoints)} điểm
            </li>
          ))}
        </ul>
      )}
      {owners.length > 0 ? (
        <section class="card" aria-labelledby="bang-moi">
          <h2 id="bang-moi">Tạo bảng chấm điểm</h2>
          <ErrorSummary errors={state.errors} />
          <form method="post" action="/quan-tri/thi-dua" novalidate>
            <CsrfInput token={meta.auth.csrfToken} />
            <Field
              name="name"
              label="Tên bảng chấm điểm"
              value={v.name}
              error={state.errors?.name}
              required
            />
            <PickerField
              name="ownerUnitId"
              label="Các đơn vị thi đua là đơn vị trực thuộc của"
              value={v.ownerUnitId}
              error={state.errors?.ownerUnitId}
              groups={unitPickerGroups(owners, meta.today)}
            />
            <Field
              name="periodKey"
              label="Kỳ (năm hoặc nhiệm kỳ)"
              value={v.periodKey}
              error={state.errors?.periodKey}
              required
            />
            <Field
              name="maxPoints"
              label="Tổng điểm tối đa"
              value={v.maxPoints ?? "1.000"}
              error={state.errors?.maxPoints}
              required
              hint="Ví dụ 1.000 = 950 điểm nội dung + 50 điểm thưởng."
            />
            <button type="submit" class="button primary">
              Tạo bảng
            </button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

function sourceText(node: CriterionNode, departments: Map<number, string>): string {
  const department =
    node.organisationId === null ? null : (departments.get(node.organisationId) ?? `#${node.organisationId}`);
  if (node.kind === "indicator_rule")
    return `Chỉ tiêu ${node.indicatorCode}: ${INDICATOR_RULES[node.rule as keyof typeof INDICATOR_RULES] ?? "chưa có cách tính"}`;
  if (node.kind === "assessment")
    return `${department}: ${ASSESSMENT_RULES[node.rule as keyof typeof ASSESSMENT_RULES] ?? "chưa có cách tính"}`;
  if (node.fixedPoints !== null)
    return `${node.kind === "bonus" ? "+" : "−"}${formatViNumber(node.fixedPoints)} điểm mỗi lần`;
  return department ? `Thẩm định: ${department}` : "";
}

export interface SchemeOverview {
  scheme: SchemeRow;
  rows: CriterionNode[];
  issues: TreeIssue[];
  clusters: ClusterRow[];
  units: (UnitName & {
    totals: Partial<Record<"self" | "review" | "council", { total: number; complete: boolean }>>;
  })[];
  departments: { id: number; name: string }[];
  canManage: boolean;
}

function total(value: { total: number; complete: boolean } | undefined) {
  if (!value) return "—";
  return `${formatViNumber(value.total)}${value.complete ? "" : " (chưa đủ)"}`;
}

/** What a scheme's page and its manager's forms are drawn from. */
export interface SchemePageProps {
  meta: PageMeta;
  data: SchemeOverview;
  state: FormState;
}

/** A scheme: its criteria tree with max points, clusters, and every unit's totals at each stage. */
export function SchemeOverviewPage({ meta, data, state }: SchemePageProps) {
  const { scheme } = data;
  const departments = new Map(data.departments.map((d) => [d.id, d.name]));
  const clusterOf = new Map(data.clusters.flatMap((c) => c.unitIds.map((id) => [id, c.name] as const)));
  return (
    <AdminLayout meta={meta} active="/quan-tri/thi-dua">
      <h1>{scheme.name}</h1>
      <p>
        Các đơn vị thuộc {scheme.ownerUnitName}, {periodLabel(scheme.periodKey)}; tổng điểm tối đa{" "}
        {formatViNumber(scheme.maxPoints)}.{" "}
        <a href={`/xep-hang?don-vi=${scheme.ownerUnitId}&ky=${scheme.periodKey}`}>Xem bảng xếp hạng</a>
      </p>
      <Notice message={state.notice} />
      <h2>Các đơn vị</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Cụm</th>
              <th scope="col" class="num">
                Tự chấm
              </th>
              <th scope="col" class="num">
                Thẩm định
              </th>
              <th scope="col" class="num">
                Hội đồng
              </th>
            </tr>
          </thead>
          <tbody>
            {data.units.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`/quan-tri/thi-dua/${scheme.id}/don-vi/${u.id}`}>{unitDisplayName(u)}</a>
                </th>
                <td>{clusterOf.get(u.id) ?? ""}</td>
                <td class="num">{total(u.totals.self)}</td>
                <td class="num">{total(u.totals.review)}</td>
                <td class="num">{total(u.totals.council)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Tiêu chí và điểm tối đa</h2>
      {data.issues.length > 0 ? (
        <div class="error-summary" role="status">
          <h3>Cây tiêu chí chưa cân đối</h3>
          <ul>
            {data.issues.map((i) => (
              <li>{i.code ? `${i.code}: ${i.message}` : i.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Tiêu chí</th>
              <th scope="col">Loại</th>
              <th scope="col" class="num">
                Tối đa
              </th>
              <th scope="col">Nguồn điểm</th>
              {data.canManage ? (
                <th scope="col">
                  <span class="visually-hidden">Sửa, xóa</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((n) => (
              <tr>
                <td>{n.code}</td>
                <td>
                  {indent(n.depth)}
                  {n.kind === "group" ? <strong>{n.name}</strong> : n.name}
                </td>
                <td>{CRITERION_KIND_LABELS[n.kind]}</td>
                <td class="num">{formatViNumber(n.maxPoints)}</td>
                <td>{sourceText(n, departments)}</td>
                {data.canManage ? (
                  <td>
                    <a href={`/quan-tri/thi-dua/${scheme.id}/tieu-chi/${n.id}`}>
                      Sửa<span class="visually-hidden"> tiêu chí {n.code}</span>
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.canManage ? <SchemeManageForms meta={meta} data={data} state={state} /> : null}
    </AdminLayout>
  );
}
