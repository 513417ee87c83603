/**
 * The context beside a figure, at entry and at approval: last year's figure, the same period last year,
 * the year's target for part of a year, and "% đạt" (computed by the server; on the entry form a small
 * script, /tai-nguyen/nhap-so-lieu.js, updates it as the officer types). Also the confirmation a far-off
 * figure needs. JSX only.
 */
import { formatViNumber } from "../../core/format/vi-number.js";
import type { Indicator } from "../catalogue/indicator.model.js";
import { formatFigure } from "../targets-format.rules.js";
import {
  achievementBasis,
  achievesByRatio,
  CONFIRM_LABEL,
  type EntryContext,
  liveAchievementPct,
  yearOfPeriod,
} from "./entry-checks.rules.js";
import { parseEntryValue } from "./entry-form.rules.js";

/** A figure with its context, as the cells read it. */
export interface ContextRow {
  indicator: Indicator;
  context: EntryContext;
  /** The figure: typed text on the entry form, a stored number at approval. */
  value: string | number | null;
}

/** True for part of a year ("2019-6T", "2019-Q3"): the same period last year and the year's target then differ. */
export function isPartYear(periodKey: string): boolean {
  const year = yearOfPeriod(periodKey);
  return year !== null && periodKey !== String(year);
}

/** The target "% đạt" reads against, for indicators judged by a ratio. */
export function liveBasis(row: ContextRow): { target: number; label: string } | null {
  return achievesByRatio(row.indicator) ? achievementBasis(row.context) : null;
}

function numberOf(row: ContextRow): number | null {
  if (typeof row.value === "number") return row.value;
  if (row.value === null) return null;
  const parsed = parseEntryValue(row.indicator, row.value);
  return parsed.ok && typeof parsed.value === "number" ? parsed.value : null;
}

/** "52%", one decimal at most: the same digits the script prints. */
export function pctText(pct: number | null): string {
  return pct === null || !Number.isFinite(pct)
    ? "—"
    : `${formatViNumber(pct, { maximumFractionDigits: 1 })}%`;
}

const figure = (value: number | null, indicator: Indicator) =>
  value === null
    ? "—"
    : formatFigure(indicator.valueType === "boolean" ? value !== 0 : value, indicator.unitOfMeasure);

export function ContextHeaders({ partYear }: { partYear: boolean }) {
  return (
    <>
      {partYear ? <th scope="col">Kế hoạch năm</th> : null}
      <th scope="col">Năm trước</th>
      {partYear ? <th scope="col">Cùng kỳ năm trước</th> : null}
      <th scope="col">% đạt</th>
    </>
  );
}

/** The cells of {@link ContextHeaders}; `outputId` names the "% đạt" the entry script updates. */
export function ContextCells({
  row,
  partYear,
}: {
  row: ContextRow & { indicator: { id: number } };
  partYear: boolean;
}) {
  const { context, indicator } = row;
  const basis = liveBasis(row);
  const pct = liveAchievementPct(indicator, numberOf(row), context);
  const outputId = `f-v_${indicator.id}-pct`;
  return (
    <>
      {partYear ? <td class="num">{figure(context.yearTarget, indicator)}</td> : null}
      <td class="num">{figure(context.lastYear, indicator)}</td>
      {partYear ? <td class="num">{figure(context.samePeriod, indicator)}</td> : null}
      <td class="num">
        {basis ? (
          <>
            {/* Not an <output>: its implicit role "status" would rank it with the page's notices. */}
            <span id={outputId} class="live-pct" aria-live="polite">
              {pctText(pct)}
            </span>
            {basis.label === "kế hoạch năm" ? <span class="muted"> kế hoạch năm</span> : null}
          </>
        ) : (
          "—"
        )}
      </td>
    </>
  );
}

/** The warning of a far-off figure and the box that confirms it, next to the field. */
export function ValueConfirmation({
  id,
  warning,
  confirmed,
}: {
  id: number;
  warning: string | undefined;
  confirmed: boolean;
}) {
  if (!warning && !confirmed) return null;
  return (
    <div class="entry-warning">
      {warning ? (
        <p class="field-warning" id={`f-v_${id}-warning`} role="alert">
          {warning}
        </p>
      ) : null}
      <label>
        <input type="checkbox" name={`xn_${id}`} value="1" checked={confirmed} id={`f-xn_${id}`} />{" "}
        {CONFIRM_LABEL}
      </label>
    </div>
  );
}
