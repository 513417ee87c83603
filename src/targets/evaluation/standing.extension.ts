import type { Kysely } from "kysely";
import type { Hierarchy } from "../../core/access/hierarchy.rules.js";
import type { DB } from "../../core/db/schema.js";
import type { NarrativeStanding } from "./narrative.rules.js";

/**
 * The extension point through which the narrative and the report learn a unit's rank, quality level
 * and award proposals for a period. They are stored by emulation, a room above targets: the composition
 * root sets this source (src/app/context.ts) and targets never imports emulation.
 */
export interface StandingSource {
  /** What emulation holds for the unit and period, or null when it holds nothing. */
  standing(
    db: Kysely<DB>,
    /** `publicOnly`: a ranking from evaluation reads open-data indicators only (anonymous visitors). */
    input: { unitId: number; periodKey: string; hierarchy: Hierarchy; publicOnly: boolean },
  ): Promise<NarrativeStanding | null>;
}

/** No standing: for tests of targets alone. */
export const noStanding: StandingSource = {
  async standing() {
    return null;
  },
};

declare module "../../core/app-context.js" {
  interface AppContext {
    /** Where the narrative reads rank, quality level and award proposals (emulation, in the app). */
    evaluationStanding: StandingSource;
  }
}
