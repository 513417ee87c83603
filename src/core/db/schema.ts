import type { Generated } from "kysely";
import type { EmulationTables } from "../../emulation/emulation.tables.js";
import type { EditorialTables } from "../../portal/editorial.tables.js";
import type { SearchTables } from "../../portal/search.tables.js";
import type { SessionsTables } from "../../sessions/sessions.tables.js";
import type { TargetsTables } from "../../targets/targets.tables.js";

/**
 * Table types for Kysely. Conventions kept identical on SQLite and PostgreSQL:
 * - dates are `YYYY-MM-DD` text, timestamps ISO-8601 UTC text (`2020-01-02T14:49:00.000Z`), so both
 *   engines sort and compare them the same way and return the same JS values;
 * - booleans are integers 0/1;
 * - `valid_to` is inclusive and null means "still valid".
 */

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  /** city | district | ward | commune | town | residential_group */
  level: string;
  /** Statistics code; reused over time, so never a key. */
  code: string | null;
  valid_from: string;
  valid_to: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  intro: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitParentsTable {
  id: Generated<number>;
  unit_id: number;
  parent_id: number;
  valid_from: string;
  valid_to: string | null;
}

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

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  /** The grant covers this unit and its descendants (at the date of the action). */
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
  /** The throttle limit that refused the attempt before the password was checked; null: checked. */
  refused_by: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  /** create | update | delete | login | logout | publish | … */
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  sort_order: number;
}

export interface MediaTable {
  id: Generated<number>;
  storage_key: string;
  original_name: string;
  mime_type: string;
  byte_size: number;
  uploaded_by: number | null;
  unit_id: number | null;
  created_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  lead: string | null;
  body_html: string;
  /** draft | published */
  status: string;
  published_at: string | null;
  author_id: number | null;
  unit_id: number;
  category_id: number | null;
  views: number;
  created_at: string;
  updated_at: string;
}

export interface ArticleImagesTable {
  id: Generated<number>;
  article_id: number;
  media_id: number;
  caption: string;
  alt_text: string;
  /** Number of body blocks (paragraphs, lists…) that come before the photo; null: after the body. */
  position: number | null;
  sort_order: number;
}

export interface JobsTable {
  /** One row per recurring job; a process claims it by moving `locked_until` forward atomically. */
  name: string;
  next_run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
}

/** Every table; each later module keeps its own table types and joins them here. */
export interface DB extends TargetsTables, EmulationTables, SessionsTables, EditorialTables, SearchTables {
  units: UnitsTable;
  unit_parents: UnitParentsTable;
  unit_successions: UnitSuccessionsTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  positions: PositionsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  categories: CategoriesTable;
  media: MediaTable;
  articles: ArticlesTable;
  article_images: ArticleImagesTable;
  jobs: JobsTable;
}
