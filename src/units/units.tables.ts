import type { Generated } from "kysely";

/**
 * Table types of the units room (successions, organisations, people, positions), added to the app-wide `DB`. The unit tree itself (units, unit_parents) is the floor's, in core/db/schema.ts.
 */

export interface UnitSuccessionsTable {
  id: Generated<number>;
  from_unit_id: number;
  to_unit_id: number;
  effective_date: string;
  /** whole | part */
  kind: string;
  population_share: number | null;
  area_share: number | null;
  legal_basis: string | null;
  note: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  unit_id: number;
  /** party_committee | peoples_committee | peoples_council | fatherland_front | department | party_board | centre | other */
  kind: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  sort_order: number;
}

export interface PeopleTable {
  id: Generated<number>;
  full_name: string;
  biography: string | null;
}

export interface PositionsTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  title: string;
  /** 1 for the head or a deputy: listed among the unit's leaders. */
  is_leader: number;
  sort_order: number;
  /** null: start not known (the demo knows holdings only as of a date). */
  valid_from: string | null;
  valid_to: string | null;
}

export interface UnitsRoomTables {
  unit_successions: UnitSuccessionsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  positions: PositionsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends UnitsRoomTables {}
}
