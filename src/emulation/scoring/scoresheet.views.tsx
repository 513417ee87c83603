import { formatViNumber } from "../../core/format/vi-number.js";
import type { FieldErrors } from "../../core/http/errors.js";
import { CsrfInput, ErrorSummary, Notice } from "../../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../../core/views/layout.js";
import { periodLabel } from "../emulation-period.rules.js";
import {
  type CriterionNode,
  isComputed,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from "../schemes/criteria-tree.rules.js";
import { indent } from "../schemes/schemes.views.js";
import type { ScoreSheet } from "./scoring.service.js";

/** URL words for the stages: /quan-tri/thi-dua/1/don-vi/5/hoi-dong. */
export const STAGE_SLUGS: Record<Stage, string> = {
  self: "tu-cham",
  review: "tham-dinh",
  council: "hoi-dong",
};

export function stageOfSlug(slug: string | undefined): Stage | null {
  return (Object.entries(STAGE_SLUGS).find(([, s]) => s === slug)?.[0] as Stage | undefined) ?? null;
}

/**
 * What a stage's input shows before anyone types: its own points, else (for the council, which
 * usually confirms) the reviewer's, the unit's own or the computed points.
 */
function prefill(sheet: ScoreSheet, stage: Stage, node: CriterionNode): { points: string; comment: string } {
  const own = sheet.stored[stage].get(node.id);
  const fallback =
    stage === "council"
      ? (sheet.stored.review.get(node.id) ?? (isComputed(node) ? undefined : sheet.stored.self.get(node.id)))
      : undefined;
  const row = own ?? fallback;
  if (row) return { points: formatViNumber(row.points), comment: row.comment ?? "" };
  const computed = sheet.computed.get(node.id);
  if (stage === "council" && computed?.points !== null && computed?.points !== undefined) {
    return { points: formatViNumber(computed.points), comment: computed.explanation };
  }
  return { points: "", comment: "" };
}

function StageCell({
  sheet,
  stage,
  node,
  editing,
  values,
  errors,
}: {
  sheet: ScoreSheet;
  stage: Stage;
  node: CriterionNode;
  editing: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  if (editing && sheet.editable[stage].has(node.id)) {
    const start = prefill(sheet, stage, node);
    const p = `p-${node.id}`;
    const c = `c-${node.id}`;
    return (
      <td class={errors?.[p] ? "has-error" : undefined}>
        <label for={`f-${p}`} class="visually-hidden">
          Điểm {STAGE_LABELS[stage]} tiêu chí {node.code}
        </label>
        <input
          id={`f-${p}`}
          name={p}
          value={values?.[p] ?? start.points}
          inputmode="decimal"
          size={6}
          aria-invalid={errors?.[p] ? "true" : undefined}
          aria-describedby={errors?.[p] ? `f-${p}-error` : undefined}
        />
        <label for={`f-${c}`} class="visually-hidden">
          Ghi chú, lý do tiêu chí {node.code}
        </label>
        <input
          id={`f-${c}`}
          name={c}
          value={values?.[c] ?? start.comment}
          placeholder="Ghi chú, lý do"
          size={16}
        />
        {errors?.[p] ? (
          <p class="field-error" id={`f-${p}-error`}>
            {errors[p]}
          </p>
        ) : null}
      </td>
    );
  }
  const total = sheet.totals[stage].byNode.get(node.id);
  const stored = sheet.stored[stage].get(node.id);
  const shown =
    node.kind === "group" || (stage !== "council" && isComputed(node))
      ? total?.points
      : stored
        ? node.kind === "deduction"
          ? -stored.points
          : stored.points
        : null;
  return (
    <td class="num">
      {shown === null || shown === undefined ? "—" : formatViNumber(shown)}
      {stored?.comment && node.kind !== "group" ? <span class="hint"> {stored.comment}</span> : null}
    </td>
  );
}

export interface ScoreSheetPageData {
  sheet: ScoreSheet;
  unit: { id: number; name: string; level: string };
  /** The stage whose column is a form, if the actor may write it. */
  editing: Stage | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}

/** One unit's scoring: the criteria tree with max points, computed points and the three stages. */
export function ScoreSheetPage({ meta, data }: { meta: PageMeta; data: ScoreSheetPageData }) {
  const { sheet, editing } = data;
  const base = `/quan-tri/thi-dua/${sheet.scheme.id}/don-vi/${data.unit.id}`;
  const writable = STAGES.filter((s) => sheet.editable[s].size > 0);
  const table = (
    <div class="table-scroll">
      <table>
        <caption>
          Phiếu chấm điểm của {data.unit.name}, {periodLabel(sheet.scheme.periodKey)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tiêu chí</th>
            <th scope="col" class="num">
              Tối đa
            </th>
            <th scope="col">Tính từ số liệu</th>
            {STAGES.map((s) => (
              <th scope="col" class="num">
                {STAGE_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((n) => {
            const computed = sheet.computed.get(n.id);
            return (
              <tr>
                <th scope="row">
                  {indent(n.depth)}
                  {n.code}. {n.kind === "group" ? <strong>{n.name}</strong> : n.name}
                </th>
                <td class="num">
                  {n.kind === "deduction" ? `−${formatViNumber(n.maxPoints)}` : formatViNumber(n.maxPoints)}
                </td>
                <td>{computed ? computed.explanation : ""}</td>
                {STAGES.map((s) => (
                  <StageCell
                    sheet={sheet}
                    stage={s}
                    node={n}
                    editing={s === editing}
                    values={data.values}
                    errors={data.errors}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Tổng điểm</th>
            <td class="num">{formatViNumber(sheet.scheme.maxPoints)}</td>
            <td />
            {STAGES.map((s) => (
              <td class="num">
                <strong>{formatViNumber(sheet.totals[s].total)}</strong>
                {sheet.totals[s].complete ? "" : " (chưa đủ)"}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
  return (
    <AdminLayout meta={meta} active="/quan-tri/thi-dua">
      <h1>Chấm điểm thi đua: {data.unit.name}</h1>
      <p>
        <a href={`/quan-tri/thi-dua/${sheet.scheme.id}`}>{sheet.scheme.name}</a>
      </p>
      <Notice message={data.notice} />
      {writable.length > 0 ? (
        <nav aria-label="Bước chấm" class="filters">
          {writable.map((s) => (
            <a href={`${base}?buoc=${STAGE_SLUGS[s]}`} aria-current={s === editing ? "page" : undefined}>
              Chấm bước {STAGE_LABELS[s].toLocaleLowerCase("vi")}
            </a>
          ))}
        </nav>
      ) : null}
      {editing ? (
        <form method="post" action={`${base}/${STAGE_SLUGS[editing]}`} novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <ErrorSummary errors={data.errors} />
          <p class="hint">
            Điểm nhập theo định dạng Việt Nam (dấu phẩy thập phân, ví dụ 48,5); điểm thưởng, điểm trừ cần ghi
            lý do. Tất cả các ô được lưu cùng lúc; nếu có ô sai, không ô nào được lưu.
          </p>
          {table}
          <button type="submit" class="button primary">
            Lưu điểm bước {STAGE_LABELS[editing].toLocaleLowerCase("vi")}
          </button>
        </form>
      ) : (
        table
      )}
    </AdminLayout>
  );
}
