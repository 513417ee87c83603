/**
 * Loads the present-day targets and results (src/targets/targets-2026.demo.ts): the four wards that
 * replaced quận Long Biên, their 2025 and 2026 targets set by the city, their approved 2025 results and
 * 2026 estimates (some approved, some waiting), Việt Hưng's 2025–2030 term targets, and its residential
 * groups' 2026 figures waiting for the ward's approval. Seed code like load-targets.ts: rows go in
 * directly, without audit events (the demo loader records one for the whole demo). What had not
 * happened by `now` is left out: a figure approved after `now` is still waiting, one submitted after
 * it is not there.
 */
import type { Insertable, Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { defaultWindow } from "../targets/period.rules.js";
import { rebuildResultSummaries } from "../targets/summaries/result-summaries.service.js";
import { DEMO_INDICATORS, type DemoIndicator } from "../targets/targets.demo.js";
import type { ResultsTable } from "../targets/targets.tables.js";
import {
  CITY_TARGETS_DOC_2025,
  CITY_TARGETS_DOC_2026,
  GROUP_GDVH_2026,
  GROUP_TARGET_GDVH_2026,
  GROUP_TARGETS_DOC_2026,
  OTHER_PRESENT_WARDS,
  otherPresentWardFigures,
  PRESENT_ILLUSTRATIVE,
  type PresentFigure,
  REPORTED,
  TERM_DOC_2025_2030,
  VIET_HUNG_FIGURES,
  VIET_HUNG_TERM_TARGETS,
} from "../targets/targets-2026.demo.js";
import { type TargetValues, target } from "./load-targets.js";
import { indicatorIdsByCode } from "./present-demo.repo.js";

export interface PresentTargetsRefs {
  now: Date;
  /** Ward name → id of the present wards (Việt Hưng, Long Biên, Bồ Đề, Phúc Lợi). */
  wardIds: Map<string, number>;
  /** Residential group name → id (phường Việt Hưng's). */
  groupIds: Map<string, number>;
  /** The accounts that entered and approved: the ward office, the ward's leader, the city office. */
  wardUserId: number | null;
  cityUserId: number | null;
}

interface Row {
  d: DemoIndicator;
  indicatorId: number;
}

/** Loads them; returns false (writing nothing) when the catalogue's indicators are not there. */
export async function loadPresentTargets(db: Kysely<DB>, refs: PresentTargetsRefs): Promise<boolean> {
  const ids = await indicatorIdsByCode(db);
  const happened = (iso: string) => new Date(iso).getTime() <= refs.now.getTime();
  const rowOf = (code: string): Row | null => {
    const d = DEMO_INDICATORS.find((x) => x.code === code);
    const indicatorId = ids.get(code);
    return d && indicatorId !== undefined ? { d, indicatorId } : null;
  };
  if (VIET_HUNG_FIGURES.some((f) => rowOf(f.code) === null)) return false;

  const targets: TargetValues[] = [];
  const results: Insertable<ResultsTable>[] = [];
  const result = (
    r: Row,
    unitId: number,
    year: string,
    value: number,
    how: { version: "final" | "estimate"; submitted: string; approved: string | null; by: number | null },
  ) => {
    if (!happened(how.submitted)) return;
    const window = defaultWindow(year) as { start: string; end: string };
    const approved = how.approved !== null && happened(how.approved) ? how.approved : null;
    results.push({
      indicator_id: r.indicatorId,
      unit_id: unitId,
      period_key: year,
      period_start: window.start,
      period_end: window.end,
      version: how.version,
      value,
      source: null,
      note: PRESENT_ILLUSTRATIVE,
      status: approved ? "approved" : "submitted",
      entered_by: how.by,
      submitted_at: how.submitted,
      approved_by: approved ? refs.cityUserId : null,
      approved_at: approved,
      reopen_reason: null,
      return_reason: null,
      created_at: how.submitted,
      updated_at: approved ?? how.submitted,
    });
  };
  const addWard = (unitId: number, figures: PresentFigure[], enteredBy: number | null) => {
    for (const f of figures) {
      const r = rowOf(f.code) as Row;
      const common = { created_by: refs.cityUserId, note: PRESENT_ILLUSTRATIVE };
      if (happened(REPORTED.targets2025))
        targets.push(
          target(r.d, r.indicatorId, unitId, "2025", f.target2025, {
            ...common,
            created_at: REPORTED.targets2025,
            document: CITY_TARGETS_DOC_2025,
          }),
        );
      if (happened(REPORTED.targets2026))
        targets.push(
          target(r.d, r.indicatorId, unitId, "2026", f.target2026, {
            ...common,
            created_at: REPORTED.targets2026,
            document: CITY_TARGETS_DOC_2026,
          }),
        );
      result(r, unitId, "2025", f.value2025, {
        version: "final",
        submitted: REPORTED.submitted2025,
        approved: REPORTED.approved2025,
        by: enteredBy,
      });
      result(r, unitId, "2026", f.estimate2026, {
        version: "estimate",
        submitted: REPORTED.submitted2026,
        approved: f.approved2026 ? REPORTED.approved2026 : null,
        by: enteredBy,
      });
    }
  };

  const vietHung = refs.wardIds.get("Việt Hưng");
  if (vietHung === undefined) return false;
  addWard(vietHung, VIET_HUNG_FIGURES, refs.wardUserId);
  OTHER_PRESENT_WARDS.forEach((name, k) => {
    const id = refs.wardIds.get(name);
    if (id !== undefined) addWard(id, otherPresentWardFigures(k), null);
  });
  if (happened(REPORTED.targets2025))
    for (const t of VIET_HUNG_TERM_TARGETS) {
      const r = rowOf(t.code) as Row;
      targets.push(
        target(r.d, r.indicatorId, vietHung, "2025-2030", t.value, {
          created_by: refs.wardUserId,
          created_at: REPORTED.targets2025,
          document: TERM_DOC_2025_2030,
          note: PRESENT_ILLUSTRATIVE,
        }),
      );
    }

  // The ward sets one target for all its residential groups; they report, the ward approves.
  const gdvh = rowOf("GDVH") as Row;
  if (happened(REPORTED.groupTargets2026))
    targets.push(
      target(gdvh.d, gdvh.indicatorId, vietHung, "2026", GROUP_TARGET_GDVH_2026, {
        applies_to: "children",
        created_by: refs.wardUserId,
        created_at: REPORTED.groupTargets2026,
        document: GROUP_TARGETS_DOC_2026,
        note: PRESENT_ILLUSTRATIVE,
      }),
    );
  for (const g of GROUP_GDVH_2026) {
    const id = refs.groupIds.get(g.group);
    if (id === undefined) continue;
    result(gdvh, id, "2026", g.value, {
      version: "estimate",
      submitted: REPORTED.groupSubmitted2026,
      approved: null,
      by: refs.wardUserId,
    });
  }

  for (let i = 0; i < targets.length; i += 200)
    await db
      .insertInto("targets")
      .values(targets.slice(i, i + 200))
      .execute();
  for (let i = 0; i < results.length; i += 200)
    await db
      .insertInto("results")
      .values(results.slice(i, i + 200))
      .execute();
  // Inserted directly, not through the approval that keeps their summaries: rebuild them.
  await rebuildResultSummaries(db);
  return true;
}
