/**
 * Loads the present-day emulation demo (src/emulation/emulation-2026.demo.ts): phường Việt Hưng's
 * scheme for its residential groups in 2026, the groups' self-assessment and the ward council's
 * points. Seed code like load-emulation.ts (repositories directly, no audit events: the demo loader
 * records one for the whole demo); what had not happened by `now` is left out.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import {
  GROUP_CRITERIA_2026,
  GROUP_SCHEME_2026,
  GROUP_SCORES_2026,
} from "../emulation/emulation-2026.demo.js";
import type { CriterionKind, Stage } from "../emulation/schemes/criteria-tree.rules.js";
import { insertCriterion, insertScheme } from "../emulation/schemes/schemes.repo.js";
import { upsertScore } from "../emulation/scoring/scores.repo.js";

/** Returns whether the scheme was there by `now`. */
export async function loadPresentEmulation(
  db: Kysely<DB>,
  refs: { now: Date; wardId: number; groupIds: Map<string, number>; wardUserId: number | null },
): Promise<boolean> {
  const happened = (iso: string) => new Date(iso).getTime() <= refs.now.getTime();
  const s = GROUP_SCHEME_2026;
  if (!happened(s.createdAt)) return false;
  const schemeId = await insertScheme(db, {
    name: s.name,
    periodKey: s.periodKey,
    ownerUnitId: refs.wardId,
    maxPoints: s.maxPoints,
    userId: refs.wardUserId,
    now: new Date(s.createdAt),
  });
  const ids = new Map<string, number>();
  for (const [i, c] of GROUP_CRITERIA_2026.entries()) {
    const id = await insertCriterion(db, schemeId, {
      parentId: c.parent === null ? null : (ids.get(c.parent) ?? null),
      code: c.code,
      name: c.name,
      maxPoints: c.max,
      kind: c.kind as CriterionKind,
      indicatorCode: null,
      organisationId: null,
      rule: null,
      fixedPoints: c.fixed ?? null,
      sortOrder: i + 1,
    });
    ids.set(c.code, id);
  }
  const scored = GROUP_CRITERIA_2026.filter((c) => c.kind !== "group");
  const stages: [Stage, "self" | "council", string][] = [
    ["self", "self", s.selfAt],
    ["council", "council", s.councilAt],
  ];
  for (const [stage, column, at] of stages) {
    if (!happened(at)) continue;
    for (const g of GROUP_SCORES_2026) {
      const unitId = refs.groupIds.get(g.group);
      if (unitId === undefined) continue;
      for (const [j, c] of scored.entries()) {
        await upsertScore(
          db,
          { schemeId, criterionId: ids.get(c.code) as number, unitId, stage },
          { points: g[column][j] ?? 0, comment: null },
          { userId: refs.wardUserId, now: new Date(at) },
        );
      }
    }
  }
  return true;
}
