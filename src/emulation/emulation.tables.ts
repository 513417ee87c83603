import type { Generated } from "kysely";

/**
 * Kysely table types of the emulation module; added to the app-wide `DB` of src/core/db/schema.ts by declaration merging (end of this file).
 * Conventions as in schema.ts: dates `YYYY-MM-DD`, instants ISO text, booleans 0/1, points as
 * double precision. A period key is "2019" (a year) or "2015-2020" (a term).
 */

/** A department (phòng, ban, đoàn thể) rating a unit in its field for a period: a score, a rank, or both. */
export interface DepartmentAssessmentsTable {
  id: Generated<number>;
  /** The unit assessed (a ward). */
  unit_id: number;
  /** The assessing department, an organisation of a unit above (Phòng Y tế of quận Long Biên). */
  organisation_id: number;
  period_key: string;
  /** On the department's own scale (usually 100). */
  score: number | null;
  /** 1 = "vị trí thứ nhất". */
  rank: number | null;
  comment: string | null;
  assessed_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Which department a user works for: a department officer reviews and assesses only for it. */
export interface DepartmentStaffTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  created_at: string;
}

/** One emulation (thi đua) round: the children of `owner_unit_id` compete for `period_key`. */
export interface EmulationSchemesTable {
  id: Generated<number>;
  name: string;
  period_key: string;
  owner_unit_id: number;
  /** Total of the non-deduction top-level criteria, e.g. 1.000 = 950 content + 50 bonus. */
  max_points: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A cụm/khối thi đua: units ranked among themselves. */
export interface EmulationClustersTable {
  id: Generated<number>;
  scheme_id: number;
  name: string;
  sort_order: number;
}

export interface EmulationClusterMembersTable {
  id: Generated<number>;
  cluster_id: number;
  unit_id: number;
}

/** A node of the criteria tree; see criteria-tree.rules.ts for how kinds and rules score. */
export interface EmulationCriteriaTable {
  id: Generated<number>;
  scheme_id: number;
  parent_id: number | null;
  /** "A", "A.1", "B.2"…: unique within the scheme. */
  code: string;
  name: string;
  max_points: number;
  /** group | indicator_rule | assessment | manual | bonus | deduction */
  kind: string;
  /** indicator_rule: the indicator code whose evaluation gives the points. */
  indicator_code: string | null;
  /** assessment: the department whose assessment gives the points; any kind: the reviewing department. */
  organisation_id: number | null;
  /** indicator_rule / assessment: how points follow from the data (see scoring.rules.ts). */
  rule: string | null;
  /** bonus / deduction: points per occurrence (+10 city flag); points must be a multiple of it. */
  fixed_points: number | null;
  sort_order: number;
}

/** Points of one criterion for one unit at one stage (self → review → council). */
export interface EmulationScoresTable {
  id: Generated<number>;
  scheme_id: number;
  criterion_id: number;
  unit_id: number;
  /** self | review | council */
  stage: string;
  /** Always ≥ 0 and ≤ the criterion's max; deductions are stored as positive points taken off. */
  points: number;
  /** Required for bonuses and deductions: the reason (which flag, which violation). */
  comment: string | null;
  scored_by: number | null;
  scored_at: string;
}

/** Quality level (xếp loại chất lượng) of a unit or one of its organisations for a year. */
export interface QualityRatingsTable {
  id: Generated<number>;
  unit_id: number;
  /** The rated organisation (the ward's party committee), or null for the unit itself. */
  organisation_id: number | null;
  /** "u" for the unit, "o<id>" for an organisation: keeps one rating per subject unique on both engines. */
  subject_key: string;
  /** "unit" or the organisation's kind; the quota applies among subjects of one kind. */
  subject_kind: string;
  /** The unit whose council rates the set (the district); the 20% quota applies within it. */
  rater_unit_id: number;
  year: string;
  /** 100-point scale. */
  score: number;
  /** The level the score alone gives. */
  score_level: string;
  /** Conditions as checked: JSON { allOnTime, exceededShare, source, … }. */
  conditions_json: string;
  /** The level after conditions and quota. */
  level: string;
  /** not_applicable (not an excellent candidate) | kept | moved_down | tie_at_limit: see quality-level.rules.ts */
  quota_outcome: string;
  note: string | null;
  decided_by: number | null;
  decided_at: string;
}

/** A proposal to award a title to a unit (Cờ thi đua của Chính phủ…). */
export interface AwardProposalsTable {
  id: Generated<number>;
  unit_id: number;
  year: string;
  /** A code from award-titles.ts. */
  title: string;
  basis: string;
  /** proposed | approved | not_approved | withdrawn */
  status: string;
  /** "Hội đồng Thi đua - Khen thưởng quận". */
  proposing_body: string;
  proposed_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface EmulationTables {
  department_assessments: DepartmentAssessmentsTable;
  department_staff: DepartmentStaffTable;
  emulation_schemes: EmulationSchemesTable;
  emulation_clusters: EmulationClustersTable;
  emulation_cluster_members: EmulationClusterMembersTable;
  emulation_criteria: EmulationCriteriaTable;
  emulation_scores: EmulationScoresTable;
  quality_ratings: QualityRatingsTable;
  award_proposals: AwardProposalsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends EmulationTables {}
}
