import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { IndicatorOutcome } from "./scoring/scoring.rules.js";

/**
 * What emulation reads from the targets module: the evaluation of approved results. Kept behind this
 * small interface so emulation depends on two questions, not on how targets stores or computes them.
 */
export interface EvaluationSource {
  /**
   * Per unit, the evaluation of each indicator with a target for the period (approved results only).
   * `parentId`, when the units are children of one parent, lets the source read them in bulk.
   */
  outcomes(db: Kysely<DB>, query: OutcomesQuery): Promise<Map<number, IndicatorOutcome[]>>;
  /**
   * Evaluation-based scores (0–100) of the children of `parentId`, to rank them when no emulation
   * scheme exists; null for a unit without targets. `publicOnly` limits them to open-data indicators.
   */
  scores(
    db: Kysely<DB>,
    query: ScoresQuery,
  ): Promise<{ unitId: number; score: number | null; note?: string | null }[]>;
}

export interface ScoresQuery {
  parentId: number;
  periodKey: string;
  publicOnly: boolean;
  /**
   * comparable: the children of `parentId` at `date` (today's units), each on the comparable base for
   * a period before it existed; `note` then says which former units its figures were rebuilt from.
   */
  base?: { kind: "comparable"; date: string };
}

export interface OutcomesQuery {
  unitIds: number[];
  periodKey: string;
  parentId?: number | null;
}

/** No outcome, no score: for tests of emulation alone. */
export const emptyEvaluationSource: EvaluationSource = {
  async outcomes() {
    return new Map();
  },
  async scores() {
    return [];
  },
};

declare module "../core/app-context.js" {
  interface AppContext {
    /**
     * Where emulation reads the evaluation of targets: the targets room in the app, a fixed source in
     * tests of emulation alone. Set by the composition root (src/app/context.ts).
     */
    evaluationSource: EvaluationSource;
  }
}
