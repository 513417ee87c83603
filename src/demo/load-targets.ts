/**
 * Loads the targets demo: 16 indicators; the district's shared 2019 targets; Thượng Thanh's own 2019,
 * 2020 and 2015–2020 targets and its approved 2015–2019 results (reproducing the reference article);
 * illustrative approved 2019 results of the other 13 wards of Long Biên, so that Thượng Thanh ranks
 * first of 14, and their 2015–2018 figures of three indicators (targets-history.demo.ts). Seed code: it inserts rows directly, in bulk, without audit events.
 */
import type { Insertable, Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { foldVietnamese } from "../core/text/fold.js";
import { levelKindFor } from "../targets/catalogue/indicator.model.js";
import { defaultWindow } from "../targets/period.rules.js";
import { rebuildResultSummaries } from "../targets/summaries/result-summaries.service.js";
import {
  DEMO_INDICATORS,
  type DemoIndicator,
  ILLUSTRATIVE,
  INFERRED,
  OTHER_WARDS,
  otherWardFigures,
} from "../targets/targets.demo.js";
import type { ResultsTable, TargetsTable } from "../targets/targets.tables.js";
import { otherWardHistory } from "../targets/targets-history.demo.js";
import {
  COUNCIL_REVENUE_2019,
  SIX_MONTH_FIGURES,
  SIX_MONTHS_NOTE,
  SIX_MONTHS_SOURCE,
} from "../targets/targets-six-months.demo.js";

/** Ids the demo loader already knows; anything absent is looked up by name. */
export interface TargetsDemoRefs {
  now?: Date;
  districtId?: number;
  /** Ward name (with or without "phường") → id. */
  wardIds?: Record<string, number>;
  wardOfficerUserId?: number | null;
  officeUserId?: number | null;
}

const key = (name: string) =>
  foldVietnamese(name.replace(/^\s*(phường|quận)\s+/i, ""))
    .trim()
    .toLowerCase();
const TERM_DOC =
  "Nghị quyết Đại hội Đảng bộ phường Thượng Thanh lần thứ XXVI, nhiệm kỳ 2015 – 2020 (minh họa)";
const WARD_DOC =
  "Quyết định của UBND quận Long Biên giao chỉ tiêu năm 2019 cho phường Thượng Thanh (minh họa)";
const DISTRICT_DOC = "Kế hoạch của UBND quận Long Biên giao chỉ tiêu năm 2019 cho các phường (minh họa)";
const SOURCE_2019 = "Báo cáo kết quả thực hiện nhiệm vụ chính trị năm 2019 của Đảng ủy phường Thượng Thanh";

async function findIds(db: Kysely<DB>, refs: TargetsDemoRefs) {
  const units = await db.selectFrom("units").select(["id", "name", "level"]).execute();
  const districtId =
    refs.districtId ?? units.find((u) => u.level === "district" && key(u.name) === key("Long Biên"))?.id;
  if (districtId === undefined) return null;
  const children = new Set(
    (await db.selectFrom("unit_parents").select("unit_id").where("parent_id", "=", districtId).execute()).map(
      (r) => r.unit_id,
    ),
  );
  const wards = new Map<string, number>();
  for (const [name, id] of Object.entries(refs.wardIds ?? {})) wards.set(key(name), id);
  for (const u of units) if (children.has(u.id) && !wards.has(key(u.name))) wards.set(key(u.name), u.id);
  const user = async (username: string) =>
    (await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst())?.id ??
    null;
  return {
    districtId,
    wards,
    wardOfficer: refs.wardOfficerUserId ?? (await user("thuongthanh")),
    office: refs.officeUserId ?? (await user("vanphong.longbien")),
  };
}

async function insertIndicators(
  db: Kysely<DB>,
  districtId: number,
  at: string,
): Promise<Map<string, number>> {
  const orgs = await db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("unit_id", "=", districtId)
    .execute();
  const ids = new Map<string, number>();
  for (const [i, d] of DEMO_INDICATORS.entries()) {
    const org = orgs.find((o) =>
      foldVietnamese(o.name).toLowerCase().includes(foldVietnamese(d.department).toLowerCase()),
    );
    const row = await db
      .insertInto("indicators")
      .values({
        code: d.code,
        name: d.name,
        field: d.field,
        unit_of_measure: d.unit,
        value_type: d.valueType,
        direction: d.direction,
        comparison_mode: d.mode,
        term_aggregation: d.aggregation,
        responsible_organisation_id: org?.id ?? null,
        definition: d.remark ? `Ghi chú dữ liệu mẫu: ${d.remark}` : null,
        is_public: 1,
        sort_order: (i + 1) * 10,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(d.code, row.id);
    await db
      .insertInto("indicator_definitions")
      .values({
        indicator_id: row.id,
        valid_from: "1945-09-02",
        valid_to: null,
        name: d.name,
        definition: null,
      })
      .execute();
  }
  return ids;
}

export type TargetValues = Insertable<TargetsTable>;

/** A target row of indicator `d` for one unit and period (year or term), with the defaults of seed data. */
export function target(
  d: DemoIndicator,
  indicatorId: number,
  unitId: number,
  periodKey: string,
  value: number,
  extra: Partial<TargetValues>,
): TargetValues {
  const window = defaultWindow(periodKey) as { start: string; end: string };
  const level = levelKindFor(d.direction);
  return {
    indicator_id: indicatorId,
    unit_id: unitId,
    applies_to: "unit",
    // Every row names its columns: SQLite's multi-row insert writes NULL, not the default, for a gap.
    assigned_by: "higher",
    target_kind: "level",
    period_kind: periodKey.includes("-") ? "term" : "year",
    period_key: periodKey,
    period_start: window.start,
    period_end: window.end,
    aggregation: periodKey.includes("-") ? d.aggregation : null,
    level_kind: level,
    value,
    min_value: null,
    max_value: null,
    revision: 0,
    document: null,
    note: null,
    created_by: null,
    created_at: "",
    ...extra,
  };
}

/**
 * The six-month review of 2019 (targets-six-months.demo.ts): the first six months of 2018 and 2019,
 * approved in July, and the council's 2019 revenue estimate beside the district's.
 */
function addSixMonthReview(
  targets: TargetValues[],
  results: Insertable<ResultsTable>[],
  refs: { indicatorIds: Map<string, number>; thuongThanh: number; office: number | null; at: string },
  approvedResult: (
    id: number,
    unit: number,
    year: number,
    value: number,
    note: string,
  ) => Insertable<ResultsTable>,
): void {
  const council = DEMO_INDICATORS.find((d) => d.code === COUNCIL_REVENUE_2019.code) as DemoIndicator;
  targets.push(
    target(
      council,
      refs.indicatorIds.get(council.code) as number,
      refs.thuongThanh,
      "2019",
      COUNCIL_REVENUE_2019.value,
      {
        assigned_by: "council",
        document: COUNCIL_REVENUE_2019.document,
        created_at: refs.at,
        created_by: refs.office,
      },
    ),
  );
  for (const f of SIX_MONTH_FIGURES) {
    const id = refs.indicatorIds.get(f.code) as number;
    for (const [year, value] of [
      [2018, f.h1of2018],
      [2019, f.h1of2019],
    ] as const) {
      const key = `${year}-6T`;
      const window = defaultWindow(key) as { start: string; end: string };
      const approvedAt = `${year}-07-10T03:00:00.000Z`;
      results.push({
        ...approvedResult(id, refs.thuongThanh, year, value, SIX_MONTHS_NOTE),
        period_key: key,
        period_start: window.start,
        period_end: window.end,
        source: year === 2019 ? SIX_MONTHS_SOURCE : null,
        submitted_at: approvedAt,
        approved_at: approvedAt,
        created_at: approvedAt,
        updated_at: approvedAt,
      });
    }
  }
}

/**
 * Loads the demo into a database that has the demo's units (Hà Nội → quận Long Biên → 14 wards).
 * Does nothing (returns false) when the district is missing or indicators already exist.
 */
export async function loadTargetsDemo(db: Kysely<DB>, refs: TargetsDemoRefs = {}): Promise<boolean> {
  const existing = await db.selectFrom("indicators").select("id").limit(1).executeTakeFirst();
  if (existing) return false;
  const ids = await findIds(db, refs);
  if (!ids) return false;
  const at = (refs.now ?? new Date("2020-01-02T08:00:00Z")).toISOString();
  const thuongThanh = ids.wards.get(key("Thượng Thanh"));
  const indicatorIds = await insertIndicators(db, ids.districtId, at);
  const targets: TargetValues[] = [];
  const results: Insertable<ResultsTable>[] = [];
  const approvedResult = (
    indicatorId: number,
    unitId: number,
    year: number,
    value: number,
    note: string,
    version = "final",
  ): Insertable<ResultsTable> => {
    const window = defaultWindow(String(year)) as { start: string; end: string };
    const approvedAt = `${year + 1}-01-0${year === 2019 ? 1 : 5}T03:00:00.000Z`;
    return {
      indicator_id: indicatorId,
      unit_id: unitId,
      period_key: String(year),
      period_start: window.start,
      period_end: window.end,
      version,
      value,
      source: unitId === thuongThanh && year === 2019 ? SOURCE_2019 : null,
      note,
      status: "approved",
      entered_by: unitId === thuongThanh ? ids.wardOfficer : null,
      submitted_at: approvedAt,
      approved_by: ids.office,
      approved_at: approvedAt,
      reopen_reason: null,
      return_reason: null,
      created_at: approvedAt,
      updated_at: approvedAt,
    };
  };

  for (const d of DEMO_INDICATORS) {
    const id = indicatorIds.get(d.code) as number;
    const common = { created_at: at, created_by: ids.office };
    if (d.shared) {
      targets.push(
        target(d, id, ids.districtId, "2019", d.target2019, {
          ...common,
          applies_to: "children",
          document: DISTRICT_DOC,
        }),
      );
    }
    if (thuongThanh === undefined) continue;
    if (!d.shared)
      targets.push(target(d, id, thuongThanh, "2019", d.target2019, { ...common, document: WARD_DOC }));
    targets.push(
      target(d, id, thuongThanh, "2015-2020", d.termTarget, {
        ...common,
        document: TERM_DOC,
        note: d.remark ?? null,
      }),
    );
    if (d.target2020 !== null)
      targets.push(target(d, id, thuongThanh, "2020", d.target2020, { ...common, note: ILLUSTRATIVE }));
    d.series.forEach((value, i) => {
      results.push(approvedResult(id, thuongThanh, 2015 + i, value, d.inferred ? INFERRED : ILLUSTRATIVE));
    });
  }
  if (thuongThanh !== undefined) {
    addSixMonthReview(targets, results, { indicatorIds, thuongThanh, ...ids, at }, approvedResult);
  }
  OTHER_WARDS.forEach((name, k) => {
    const wardId = ids.wards.get(key(name));
    if (wardId === undefined) return;
    for (const f of otherWardFigures(k)) {
      const d = DEMO_INDICATORS.find((x) => x.code === f.code) as DemoIndicator;
      const id = indicatorIds.get(f.code) as number;
      if (f.target !== null) {
        targets.push(
          target(d, id, wardId, "2019", f.target, {
            created_at: at,
            created_by: ids.office,
            note: ILLUSTRATIVE,
          }),
        );
      }
      results.push(approvedResult(id, wardId, 2019, f.value, ILLUSTRATIVE, f.version));
      for (const h of otherWardHistory(k, f.code, f.value))
        results.push(approvedResult(id, wardId, h.year, h.value, ILLUSTRATIVE));
    }
  });
  for (let i = 0; i < targets.length; i += 200)
    await db
      .insertInto("targets")
      .values(targets.slice(i, i + 200))
      .execute();
  for (let i = 0; i < results.length; i += 200) {
    await db
      .insertInto("results")
      .values(results.slice(i, i + 200))
      .execute();
  }
  // Inserted directly, not through the approval that keeps their summaries: rebuild them.
  await rebuildResultSummaries(db);
  return true;
}
