import type { Kysely } from "kysely";
import type { Hierarchy } from "../../core/access/hierarchy.rules.js";
import type { DB } from "../../core/db/schema.js";
import { NotFoundError, ValidationError } from "../../core/http/errors.js";
import { compareUnitNames } from "../../units/unit-labels.js";
import { listUnitNames } from "../../units/unit-names.repo.js";
import { isPeriodKey, PERIOD_MESSAGE, periodEndDate } from "../emulation-period.rules.js";
import type { EvaluationSource } from "../evaluation-source.js";
import { type ClusterRow, findSchemeFor, listClusters, type SchemeRow } from "../schemes/schemes.repo.js";
import { schemeTotals } from "../scoring/scoring.service.js";
import { rankCompetition } from "./ranking.math.js";

/** Scores are sums of points with at most 2 fraction digits and are shown with 2: rank on the same. */
const RANK_PRECISION = 2;

export interface RankingRow {
  unit: { id: number; name: string; level: string };
  /** null: not ranked (council scoring incomplete, or no evaluable data). */
  score: number | null;
  rank: number | null;
  /** Shares its rank with another unit: "đồng hạng". */
  tied: boolean;
  /** On the comparable base: the former units its figures were rebuilt from, with their shares. */
  note?: string | null;
}

export interface Ranking {
  parent: { id: number; name: string; level: string };
  periodKey: string;
  /** emulation: the council's final scores of the scheme; evaluation: scores from targets' evaluation; none: neither. */
  basis: "emulation" | "evaluation" | "none";
  scheme: SchemeRow | null;
  clusters: ClusterRow[];
  /** The cluster ranked, when one was asked for. */
  cluster: ClusterRow | null;
  /** Ranked first (by rank, ties alphabetically), then the units without a score. */
  rows: RankingRow[];
  /** How many units are compared: the n of "xếp thứ 1/n". */
  total: number;
  /** own: the units of the period; comparable: today's units, past figures rebuilt for their areas. */
  base: "own" | "comparable";
}

/**
 * Ranks the children of `parentId` for a period, or the members of one cluster of its scheme. With an
 * emulation scheme for that parent and period the score is the council's final total, and only units
 * whose council scoring is complete are ranked; otherwise the score comes from the evaluation of
 * targets (open-data indicators only unless `publicOnly` is false: the ranking page is public). Ties
 * share a rank (1, 2, 2, 4) and are flagged.
 */
export async function rankChildren(
  db: Kysely<DB>,
  hierarchy: Hierarchy,
  input: {
    parentId: number;
    periodKey: string;
    clusterId?: number | null;
    publicOnly?: boolean;
    /** The comparable base: rank the units under the parent at `date` (today's) on rebuilt figures. */
    comparableAt?: string | null;
  },
  source: EvaluationSource,
): Promise<Ranking> {
  if (!isPeriodKey(input.periodKey)) throw new ValidationError({ period: PERIOD_MESSAGE });
  const [parent] = await listUnitNames(db, [input.parentId]);
  if (!parent) throw new NotFoundError("Không tìm thấy đơn vị.");
  const comparableAt = input.comparableAt ?? null;
  let unitIds = hierarchy.childrenAt(input.parentId, comparableAt ?? periodEndDate(input.periodKey));
  // A council's scheme scores the units of its period; today's units are compared on the evaluation.
  const scheme = comparableAt ? null : ((await findSchemeFor(db, input.parentId, input.periodKey)) ?? null);
  const clusters = scheme ? await listClusters(db, scheme.id) : [];
  let cluster: ClusterRow | null = null;
  if (input.clusterId) {
    cluster = clusters.find((c) => c.id === input.clusterId) ?? null;
    if (!cluster) throw new NotFoundError("Không tìm thấy cụm thi đua.");
    const members = new Set(cluster.unitIds);
    unitIds = unitIds.filter((id) => members.has(id));
  }

  const scores = new Map<number, number | null>();
  const notes = new Map<number, string | null>();
  let basis: Ranking["basis"] = "none";
  if (scheme) {
    basis = "emulation";
    const totals = await schemeTotals(db, scheme, unitIds, source, ["council"]);
    for (const id of unitIds) {
      const council = totals.get(id)?.council;
      scores.set(id, council?.complete ? council.total : null);
    }
  } else {
    const evaluated = await source.scores(db, {
      parentId: input.parentId,
      periodKey: input.periodKey,
      publicOnly: input.publicOnly ?? true,
      ...(comparableAt ? { base: { kind: "comparable" as const, date: comparableAt } } : {}),
    });
    if (evaluated.some((e) => e.score !== null)) basis = "evaluation";
    for (const e of evaluated) {
      if (!unitIds.includes(e.unitId)) continue;
      scores.set(e.unitId, e.score);
      notes.set(e.unitId, e.note ?? null);
    }
  }

  const units = (await listUnitNames(db, unitIds)).sort((a, b) => compareUnitNames(a.name, b.name));
  const scored = units.filter((u) => typeof scores.get(u.id) === "number");
  const ranked = rankCompetition(
    scored.map((u) => ({ id: String(u.id), score: scores.get(u.id) as number })),
    { precision: RANK_PRECISION },
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const rows: RankingRow[] = [
    ...ranked.map((r) => ({
      unit: unitById.get(Number(r.id)) as RankingRow["unit"],
      score: r.score,
      rank: r.rank,
      tied: r.tied,
      note: notes.get(Number(r.id)) ?? null,
    })),
    ...units
      .filter((u) => !scored.includes(u))
      .map((u) => ({ unit: u, score: null, rank: null, tied: false, note: notes.get(u.id) ?? null })),
  ];
  const base = comparableAt ? "comparable" : "own";
  return {
    parent,
    periodKey: input.periodKey,
    basis,
    scheme,
    clusters,
    cluster,
    rows,
    total: scored.length,
    base,
  };
}
