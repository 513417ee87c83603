import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { DB } from "../../core/db/schema.js";
import { AppError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import type { Indicator, ResultVersion } from "../catalogue/indicator.model.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import { listApprovedResults } from "../entry/results.repo.js";
import { saveResultsIn } from "../entry/results.service.js";
import { findUnitsByCodesOrIds, listChildrenAt } from "../evaluation/evaluation.repo.js";
import { defaultWindow, periodKindOf, termYearsOf, yearWindow } from "../period.rules.js";
import {
  type DataValueSource,
  type ExportedDataValue,
  type RawDataValue,
  readDhis2Value,
  writeDhis2Value,
} from "./dhis2-format.js";
import { matchOrgUnit, orgUnitLabel } from "./dhis2-match.rules.js";
import { fromDhis2Period, toDhis2Period } from "./dhis2-period.rules.js";
import { ImportProblems } from "./import-problems.rules.js";

/**
 * A rejected data value set: 422, the first problems keyed by where they are ("dataValues[2]",
 * "dòng 4"), with the count of all of them (import-problems.rules.ts).
 */
export class DataValueSetRejected extends AppError {
  readonly total: number;
  readonly unlisted: number;
  constructor(problems: ImportProblems) {
    super(
      422,
      "import_rejected",
      `Bộ số liệu chưa được nhận: ${problems.total} lỗi${problems.unlisted > 0 ? ` (liệt kê ${problems.listed.length} lỗi đầu)` : ""}. Không có số liệu nào được lưu.`,
      Object.fromEntries(problems.listed.map((p) => [p.where, p.message])),
    );
    this.total = problems.total;
    this.unlisted = problems.unlisted;
  }
}

export interface ImportCount {
  imported: number;
  updated: number;
  ignored: number;
}

interface Planned {
  row: RawDataValue;
  /** The row's DHIS2 period as a giaoban key ("201907" → "2019-07"). */
  periodKey: string;
  indicator: Indicator;
  unitId: number;
  value: number | boolean;
}

/**
 * Imports DHIS2 data values as figures of one version (default final), all or nothing, in one
 * transaction: each value is matched by indicator code (dataElement), unit (orgUnit: a code valid in
 * the period, else an internal id) and a period (yearly, monthly, quarterly or the first six months,
 * dhis2-period.rules); any unknown, ambiguous or malformed value
 * rejects the whole set, its first problems listed and all counted. Figures land as drafts (or submitted with
 * `submit`), for units the caller may enter figures for (403 otherwise), audited like any entry.
 * The values are gone over twice, one at a time: what is kept is the units they name, the first
 * problems, and (while there is no problem) the figures to save, one per indicator, unit and year.
 */
export async function importDataValues(
  db: Kysely<DB>,
  rows: DataValueSource,
  options: { version: ResultVersion; submit?: boolean },
  ctx: ActorContext,
): Promise<ImportCount> {
  const named = new Set<string>();
  for (const row of rows()) named.add(row.orgUnit);
  if (named.size === 0) throw new ValidationError({ dataValues: "Bộ số liệu không có giá trị nào." });
  const indicators = new Map((await listIndicators(db)).map((i) => [i.code.toLowerCase(), i]));
  const codes = [...named];
  const ids = codes.filter((c) => /^\d{1,9}$/.test(c)).map(Number);
  const units = await findUnitsByCodesOrIds(db, codes, ids);
  const problems = new ImportProblems();
  const planned: Planned[] = [];
  const seen = new Map<string, string>();
  for (const row of rows()) {
    const fail = (message: string) => problems.add(row.where, `${row.where}: ${message}`);
    const indicator = indicators.get(row.dataElement.toLowerCase());
    if (!indicator) fail(`chỉ tiêu “${row.dataElement}” không có trong danh mục (dataElement).`);
    const periodKey = fromDhis2Period(row.period);
    if (!periodKey) {
      fail(
        `kỳ “${row.period}” không hợp lệ: nhận năm (2019), tháng (201907), quý (2019Q3) hoặc 6 tháng đầu năm (2019S1).`,
      );
      continue;
    }
    const unit = matchOrgUnit(row.orgUnit, yearWindow(Number(periodKey.slice(0, 4))), units);
    if (!unit.ok) fail(unit.message);
    if (!indicator || !unit.ok) continue;
    const value = readDhis2Value(row.value, indicator.valueType === "boolean");
    if (!value.ok) {
      fail(value.message);
      continue;
    }
    const key = `${indicator.id}|${unit.unitId}|${periodKey}`;
    const first = seen.get(key);
    if (first) {
      fail(`trùng với ${first} (cùng chỉ tiêu, đơn vị và kỳ).`);
      continue;
    }
    seen.set(key, row.where);
    // Once a problem is found nothing will be saved: the rest are only checked.
    if (problems.total === 0)
      planned.push({ row, periodKey, indicator, unitId: unit.unitId, value: value.value });
  }
  if (problems.total > 0) throw new DataValueSetRejected(problems);

  const groups = new Map<string, Planned[]>();
  for (const p of planned) {
    const key = `${p.unitId}|${p.periodKey}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const at = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const count: ImportCount = { imported: 0, updated: 0, ignored: 0 };
    for (const group of groups.values()) {
      const first = group[0] as Planned;
      const values = group.map((p) => ({
        indicatorId: p.indicator.id,
        value: p.value,
        source: "DHIS2",
        note: p.row.comment,
      }));
      try {
        const batch = { unitId: first.unitId, periodKey: first.periodKey, version: options.version, values };
        const outcome = await saveResultsIn(trx, batch, ctx, { submit: options.submit ?? false });
        for (const r of outcome.saved) {
          if (r.createdAt === at) count.imported++;
          else if (r.updatedAt === at) count.updated++;
          else count.ignored++;
        }
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        for (const [path, message] of Object.entries(error.fields)) {
          const where = group[Number(path.split(".")[1])]?.row.where ?? path;
          problems.add(where, `${where}: ${message}`);
        }
      }
    }
    if (problems.total > 0) throw new DataValueSetRejected(problems);
    return count;
  });
}

/**
 * The key and window of an export's `period`: a year or a term, or a month, quarter or first six
 * months written as DHIS2 writes them (201907, 2019Q3, 2019S1) or as giaoban does (2019-07, 2019-Q3,
 * 2019-6T); a 422 naming the `period` field otherwise.
 */
function exportPeriod(period: string): { key: string; start: string; end: string } {
  const key = fromDhis2Period(period) ?? period;
  const kind = periodKindOf(key);
  const exchanged = kind === "term" || toDhis2Period(key) !== null;
  const window = exchanged ? defaultWindow(key) : null;
  if (!window)
    throw new ValidationError({
      period:
        "Kỳ không hợp lệ: nhập năm (2019), nhiệm kỳ (2015-2020), tháng (201907), quý (2019Q3) hoặc 6 tháng đầu năm (2019S1).",
    });
  return { key, ...window };
}

/** The unit an `orgUnit` parameter names for a period (a code valid then, else an id); 404 otherwise. */
export async function resolveOrgUnit(db: Kysely<DB>, orgUnit: string, period: string): Promise<number> {
  const ids = /^\d{1,9}$/.test(orgUnit) ? [Number(orgUnit)] : [];
  const match = matchOrgUnit(orgUnit, exportPeriod(period), await findUnitsByCodesOrIds(db, [orgUnit], ids));
  if (!match.ok) throw new NotFoundError(`Không tìm thấy đơn vị: ${match.message}`);
  return match.unitId;
}

/**
 * Approved figures of a unit (or of its children with `children`) for a year, or for each year of a
 * term, as DHIS2 data values; `orgUnit` is written as the unit's code when that code names only it in
 * the period, else as its internal id. `publicOnly` keeps open-data indicators only.
 */
export async function exportDataValues(
  db: Kysely<DB>,
  input: { unitId: number; period: string; children: boolean; version: ResultVersion; publicOnly: boolean },
): Promise<ExportedDataValue[]> {
  const window = exportPeriod(input.period);
  const years =
    periodKindOf(window.key) === "term" ? termYearsOf(window.start, window.end).map(String) : [window.key];
  const unitIds = input.children
    ? (await listChildrenAt(db, input.unitId, window.end)).map((u) => u.id)
    : [input.unitId];
  const indicators = await listIndicators(db, { publicOnly: input.publicOnly });
  const rows = await listApprovedResults(db, {
    unitIds,
    periodKeys: years,
    indicatorIds: indicators.map((i) => i.id),
    version: input.version,
  });
  const units = await findUnitsByCodesOrIds(db, [], unitIds);
  const sameCode = await findUnitsByCodesOrIds(
    db,
    [...new Set(units.flatMap((u) => (u.code ? [u.code] : [])))],
    [],
  );
  const byIndicator = new Map(indicators.map((i) => [i.id, i]));
  const byUnit = new Map(units.map((u) => [u.id, u]));
  return rows.flatMap((r) => {
    const indicator = byIndicator.get(r.indicatorId);
    const unit = byUnit.get(r.unitId);
    if (!indicator || !unit) return [];
    return [
      {
        dataElement: indicator.code,
        period: toDhis2Period(r.periodKey) ?? r.periodKey,
        orgUnit: orgUnitLabel(unit, yearWindow(Number(r.periodKey)), sameCode),
        value: writeDhis2Value(r.value, indicator.valueType === "boolean"),
        lastUpdated: r.updatedAt,
        comment: r.note,
      },
    ];
  });
}
