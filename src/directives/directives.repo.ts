/**
 * Every query on directives and their coordinators. Callers pass the units the caller may see
 * (`scope`); "all" is for system admins and jobs. Timeliness filters use the SQL mirror of the rules.
 */
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../core/db/schema.js";
import { unitDisplayName } from "../units/unit-labels.js";
import type { Deadline } from "./deadline.js";
import {
  type DirectiveRecord,
  dayOf,
  deadlineColumns,
  isDeadlineKind,
  type PartyRef,
} from "./directives.model.js";
import type { DrillConditions } from "./follow-up/follow-up-links.rules.js";
import type { Timeliness } from "./timeliness.rules.js";
import { type SqlClock, timelinessSql } from "./timeliness-sql.js";
import type { WorkflowState } from "./workflow.rules.js";

export interface PartyInput {
  unitId: number;
  organisationId: number | null;
}

// Writes live in directive-writes.repo.ts (they move the follow-up counters too); re-exported for callers.
export {
  type DirectivePatch,
  insertDirective,
  type NewDirective,
  replaceCoordinators,
  updateDirective,
} from "./directive-writes.repo.js";

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom("directives")
    .innerJoin("units as lu", "lu.id", "directives.lead_unit_id")
    .leftJoin("organisations as lo", "lo.id", "directives.lead_organisation_id")
    .leftJoin("conclusion_notices as n", "n.id", "directives.notice_id")
    .selectAll("directives")
    .select([
      "lu.name as lead_unit_name",
      "lu.level as lead_unit_level",
      "lu.valid_to as lead_unit_valid_to",
      "lo.name as lead_org_name",
      "n.number as notice_number",
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toRecord(r: BaseRow, coordinators: PartyRef[]): DirectiveRecord {
  return {
    id: r.id,
    noticeId: r.notice_id,
    noticeNumber: r.notice_number,
    itemId: r.item_id,
    parentId: r.parent_id,
    proposalId: r.proposal_id,
    title: r.title,
    lead: {
      unitId: r.lead_unit_id,
      organisationId: r.lead_organisation_id,
      name: r.lead_org_name ?? unitDisplayName({ name: r.lead_unit_name, level: r.lead_unit_level }),
      unitValidTo: r.lead_unit_valid_to,
    },
    assigningUnitId: r.assigning_unit_id,
    assignerPersonId: r.assigner_person_id,
    assignerName: r.assigner_name,
    deadline: {
      kind: isDeadlineKind(r.deadline_kind) ? r.deadline_kind : "none",
      date: r.deadline_date,
      phrase: r.deadline_phrase,
    },
    state: r.state as WorkflowState,
    stateBeforePause: r.state_before_pause as WorkflowState | null,
    progressPercent: r.progress_percent,
    submittedAt: r.submitted_at,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    coordinators,
  };
}

async function coordinatorsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, PartyRef[]>> {
  const map = new Map<number, PartyRef[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom("directive_coordinators as c")
    .innerJoin("units as u", "u.id", "c.unit_id")
    .leftJoin("organisations as o", "o.id", "c.organisation_id")
    .select(["c.directive_id", "c.unit_id", "c.organisation_id", "u.name", "u.level", "o.name as org_name"])
    .where("c.directive_id", "in", ids)
    .orderBy("c.id")
    .execute();
  for (const r of rows) {
    const list = map.get(r.directive_id) ?? [];
    list.push({
      unitId: r.unit_id,
      organisationId: r.organisation_id,
      name: r.org_name ?? unitDisplayName(r),
    });
    map.set(r.directive_id, list);
  }
  return map;
}

export async function findDirective(db: Kysely<DB>, id: number): Promise<DirectiveRecord | undefined> {
  const row = await baseQuery(db).where("directives.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return toRecord(row, (await coordinatorsOf(db, [id])).get(id) ?? []);
}

export interface DirectiveFilter
  extends Omit<DrillConditions, "leadUnitId" | "noticeId" | "state" | "timeliness"> {
  /** Units the caller may see: a directive is visible when its lead, assigning or a coordinating unit is. */
  scope: "all" | number[];
  /** Only these directives (an empty list matches nothing). */
  ids?: number[];
  /** Led by this unit. */
  leadUnitId?: number;
  /** Led by one of these units (an empty list matches nothing). */
  leadUnitIds?: number[];
  state?: WorkflowState;
  timeliness?: Timeliness;
  /** From this notice; null: not from a notice. */
  noticeId?: number | null;
  sessionId?: number;
  /** From notices of any of these sessions. */
  sessionIds?: number[];
  parentId?: number | null;
  /** Open only: not confirmed or cancelled. */
  openOnly?: boolean;
  /** Only those with a deadline extension request waiting for a decision. */
  pendingExtension?: boolean;
  clock: SqlClock;
  limit: number;
  offset: number;
}

/** Directives a unit in `scope` leads, assigned or coordinates: what the units' people may see. */
export function directiveInScope(scope: number[]) {
  return (eb: ExpressionBuilder<DB, "directives">) =>
    eb.or([
      eb("directives.lead_unit_id", "in", scope),
      eb("directives.assigning_unit_id", "in", scope),
      eb.exists(
        eb
          .selectFrom("directive_coordinators as dc")
          .select("dc.id")
          .whereRef("dc.directive_id", "=", "directives.id")
          .where("dc.unit_id", "in", scope),
      ),
    ]);
}

/** The assigner as the follow-up groups it: a person; else a name; else only the assigning unit. */
function assignedBy(a: NonNullable<DrillConditions["assigner"]>) {
  return (eb: ExpressionBuilder<DB, "directives">) => {
    if ("personId" in a) return eb("directives.assigner_person_id", "=", a.personId);
    if ("name" in a)
      return eb.and([
        eb("directives.assigner_person_id", "is", null),
        eb("directives.assigner_name", "=", a.name),
      ]);
    return eb.and([
      eb("directives.assigner_person_id", "is", null),
      eb("directives.assigner_name", "is", null),
      eb("directives.assigning_unit_id", "=", a.unitId),
    ]);
  };
}

/** The filter's conditions on the base query; null when it can match nothing. */
function filtered(
  q: ReturnType<typeof baseQuery>,
  f: Omit<DirectiveFilter, "limit" | "offset">,
): ReturnType<typeof baseQuery> | null {
  let out = q;
  if (f.scope !== "all" && f.scope.length === 0) return null;
  if (f.ids?.length === 0) return null;
  if (f.sessionIds?.length === 0) return null;
  if (f.scope !== "all") out = out.where(directiveInScope(f.scope));
  if (f.ids) out = out.where("directives.id", "in", f.ids);
  if (f.leadUnitIds?.length === 0) return null;
  if (f.leadUnitId !== undefined) out = out.where("directives.lead_unit_id", "=", f.leadUnitId);
  if (f.leadUnitIds) out = out.where("directives.lead_unit_id", "in", f.leadUnitIds);
  if (f.leadOrganisationId !== undefined)
    out =
      f.leadOrganisationId === null
        ? out.where("directives.lead_organisation_id", "is", null)
        : out.where("directives.lead_organisation_id", "=", f.leadOrganisationId);
  if (f.assigner) out = out.where(assignedBy(f.assigner));
  if (f.state) out = out.where("directives.state", "=", f.state);
  if (f.noticeId !== undefined)
    out =
      f.noticeId === null
        ? out.where("directives.notice_id", "is", null)
        : out.where("directives.notice_id", "=", f.noticeId);
  if (f.deadlineMonths !== undefined) {
    const months = f.deadlineMonths;
    const month = sql<string>`SUBSTR(directives.deadline_end, 1, 7)`;
    out =
      months === null
        ? out.where("directives.deadline_end", "is", null)
        : out.where(month, ">=", months.from).where(month, "<=", months.to);
  }
  if (f.sessionId !== undefined) out = out.where("n.session_id", "=", f.sessionId);
  if (f.sessionIds) out = out.where("n.session_id", "in", f.sessionIds);
  if (f.parentId !== undefined) {
    out =
      f.parentId === null
        ? out.where("directives.parent_id", "is", null)
        : out.where("directives.parent_id", "=", f.parentId);
  }
  if (f.openOnly) out = out.where("directives.state", "not in", ["confirmed", "cancelled"]);
  if (f.pendingExtension) {
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom("directive_extensions as x")
          .select("x.id")
          .whereRef("x.directive_id", "=", "directives.id")
          .where("x.status", "=", "pending"),
      ),
    );
  }
  if (f.timeliness) out = out.where(timelinessSql(f.clock), "=", f.timeliness);
  return out;
}

/** Directives matching the filter, oldest first, with the total for paging. */
export async function listDirectives(
  db: Kysely<DB>,
  f: DirectiveFilter,
): Promise<{ rows: DirectiveRecord[]; total: number }> {
  const q = filtered(baseQuery(db), f);
  if (!q) return { rows: [], total: 0 };
  const [rows, count] = await Promise.all([
    q.orderBy("directives.id").limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const coordinators = await coordinatorsOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toRecord(r, coordinators.get(r.id) ?? [])), total: Number(count.n) };
}

/** The lead and assigning parties of every directive matching the filter (no paging), oldest first. */
export async function listDirectiveParties(
  db: Kysely<DB>,
  f: Omit<DirectiveFilter, "limit" | "offset">,
): Promise<{ id: number; leadUnitId: number; leadOrganisationId: number | null; assigningUnitId: number }[]> {
  const q = filtered(baseQuery(db), f);
  if (!q) return [];
  const rows = await q
    .clearSelect()
    .select([
      "directives.id",
      "directives.lead_unit_id",
      "directives.lead_organisation_id",
      "directives.assigning_unit_id",
    ])
    .orderBy("directives.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    leadUnitId: r.lead_unit_id,
    leadOrganisationId: r.lead_organisation_id,
    assigningUnitId: r.assigning_unit_id,
  }));
}
