/**
 * Kysely table type of the maintained follow-up counters, added to the app-wide `DB`
 * (see follow-up-counters.math.ts for what a row counts).
 */
export interface FollowUpCountersTable {
  /** A FollowUpDimension: lead, assigner, notice or period. */
  dimension: string;
  /** The group's key as the follow-up view makes it ("u12", "p5", "2020-06"…), "" for none. */
  group_key: string;
  /** By lead: the lead unit; 0 for the other dimensions. */
  unit_id: number;
  /** JSON numbers: per workflow state, how many directives and their histogram of days (encodeCell). */
  cells: string;
}

export interface FollowUpCounterTables {
  follow_up_counters: FollowUpCountersTable;
}

declare module "../../core/db/schema.js" {
  interface DB extends FollowUpCounterTables {}
}
