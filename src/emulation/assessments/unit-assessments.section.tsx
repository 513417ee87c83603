import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { formatViNumber } from "../../core/format/vi-number.js";
import { periodLabel } from "../emulation-period.rules.js";
import { type AssessmentRow, listAssessmentsOfUnit } from "./assessments.repo.js";

const ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

/** "thứ nhất", "thứ tư", "thứ 11": the ordinal as Vietnamese reports write it. */
export function ordinalVi(rank: number): string {
  return `thứ ${ORDINALS[rank - 1] ?? String(rank)}`;
}

/**
 * The sentence for one assessment: "Được Phòng Y tế đánh giá ở vị trí thứ nhất (95 điểm)",
 * or "Được Phòng Y tế chấm 95/100 điểm" when the department gave a score only.
 */
export function assessmentSentence(row: Pick<AssessmentRow, "organisationName" | "rank" | "score">): string {
  const score = row.score === null ? null : `${formatViNumber(row.score)} điểm`;
  if (row.rank !== null)
    return `Được ${row.organisationName} đánh giá ở vị trí ${ordinalVi(row.rank)}${score ? ` (${score})` : ""}`;
  if (row.score !== null) return `Được ${row.organisationName} chấm ${formatViNumber(row.score)}/100 điểm`;
  return `Được ${row.organisationName} nhận xét`;
}

/** The assessments of a unit grouped by period, newest first, as a section of the unit's page. */
export function UnitAssessmentsList({ rows }: { rows: AssessmentRow[] }) {
  if (rows.length === 0) return null;
  const periods = [...new Set(rows.map((r) => r.periodKey))];
  return (
    <section aria-labelledby="danh-gia-phong-ban" class="unit-assessments">
      <h2 id="danh-gia-phong-ban">Đánh giá của các phòng, ban, đoàn thể</h2>
      {periods.map((period) => (
        <>
          <h3>{periodLabel(period).replace(/^./, (ch) => ch.toLocaleUpperCase("vi"))}</h3>
          <ul>
            {rows
              .filter((r) => r.periodKey === period)
              .map((r) => (
                <li>
                  {assessmentSentence(r)}
                  {r.comment ? <span class="muted">: {r.comment}</span> : null}.
                </li>
              ))}
          </ul>
        </>
      ))}
    </section>
  );
}

/**
 * For the unit's public page: loads and shows what departments said about the unit. An async
 * component, so the units page includes it with one line:
 * `<UnitAssessmentsSection db={db} unitId={unit.id} />` (optionally `periodKey="2019"`).
 */
export async function UnitAssessmentsSection({
  db,
  unitId,
  periodKey,
}: {
  db: Kysely<DB>;
  unitId: number;
  periodKey?: string;
}) {
  const rows = await listAssessmentsOfUnit(db, unitId, periodKey);
  return <UnitAssessmentsList rows={rows} />;
}
