/** Queries of proposals (kiến nghị, đề xuất) and the departments they are addressed to. */
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import type { PartyRef } from "../directives.model.js";
import type { PartyInput } from "../directives.repo.js";

export const PROPOSAL_STATUSES = ["unanswered", "answered", "in_progress", "resolved"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  unanswered: "Chưa trả lời",
  answered: "Đã trả lời",
  in_progress: "Đang giải quyết",
  resolved: "Đã giải quyết",
};

export interface ProposalRecord {
  id: number;
  sessionId: number | null;
  from: PartyRef;
  topic: string;
  text: string | null;
  answerDue: string | null;
  status: ProposalStatus;
  answer: string | null;
  answeredAt: string | null;
  answerOrganisationId: number | null;
  directiveId: number | null;
  addressees: PartyRef[];
  createdAt: string;
}

export interface NewProposal {
  sessionId: number | null;
  from: PartyInput;
  topic: string;
  text: string | null;
  answerDue: string | null;
  addressees: PartyInput[];
  createdBy: number | null;
  now: Date;
}

export async function insertProposal(db: Kysely<DB>, p: NewProposal): Promise<number> {
  const at = p.now.toISOString();
  const row = await db
    .insertInto("proposals")
    .values({
      session_id: p.sessionId,
      from_unit_id: p.from.unitId,
      from_organisation_id: p.from.organisationId,
      topic: p.topic,
      text: p.text,
      answer_due: p.answerDue,
      status: "unanswered",
      answer: null,
      answered_at: null,
      answered_by: null,
      answer_organisation_id: null,
      directive_id: null,
      created_by: p.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (p.addressees.length > 0) {
    await db
      .insertInto("proposal_addressees")
      .values(
        p.addressees.map((a) => ({
          proposal_id: row.id,
          unit_id: a.unitId,
          organisation_id: a.organisationId,
        })),
      )
      .execute();
  }
  return row.id;
}

export async function updateProposal(
  db: Kysely<DB>,
  id: number,
  patch: {
    status?: ProposalStatus;
    answer?: string | null;
    answeredAt?: string | null;
    answeredBy?: number | null;
    answerOrganisationId?: number | null;
    directiveId?: number | null;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable("proposals")
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.answer !== undefined ? { answer: patch.answer } : {}),
      ...(patch.answeredAt !== undefined ? { answered_at: patch.answeredAt } : {}),
      ...(patch.answeredBy !== undefined ? { answered_by: patch.answeredBy } : {}),
      ...(patch.answerOrganisationId !== undefined
        ? { answer_organisation_id: patch.answerOrganisationId }
        : {}),
      ...(patch.directiveId !== undefined ? { directive_id: patch.directiveId } : {}),
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .execute();
}

export interface ProposalFilter {
  /** Visible when the raising unit or an addressed unit is in scope. */
  scope: "all" | number[];
  ids?: number[];
  fromUnitId?: number;
  sessionId?: number;
  sessionIds?: number[];
  status?: ProposalStatus;
  /** Not yet resolved. */
  openOnly?: boolean;
  limit: number;
}

export async function listProposals(db: Kysely<DB>, f: ProposalFilter): Promise<ProposalRecord[]> {
  if (f.scope !== "all" && f.scope.length === 0) return [];
  let q = db
    .selectFrom("proposals as p")
    .innerJoin("units as u", "u.id", "p.from_unit_id")
    .leftJoin("organisations as o", "o.id", "p.from_organisation_id")
    .selectAll("p")
    .select(["u.name as unit_name", "u.level as unit_level", "o.name as org_name"]);
  if (f.scope !== "all") {
    const scope = f.scope;
    q = q.where((eb) =>
      eb.or([
        eb("p.from_unit_id", "in", scope),
        eb.exists(
          eb
            .selectFrom("proposal_addressees as a")
            .select("a.id")
            .whereRef("a.proposal_id", "=", "p.id")
            .where("a.unit_id", "in", scope),
        ),
      ]),
    );
  }
  if (f.ids) q = f.ids.length === 0 ? q.where("p.id", "=", -1) : q.where("p.id", "in", f.ids);
  if (f.fromUnitId !== undefined) q = q.where("p.from_unit_id", "=", f.fromUnitId);
  if (f.sessionId !== undefined) q = q.where("p.session_id", "=", f.sessionId);
  if (f.sessionIds) {
    if (f.sessionIds.length === 0) return [];
    q = q.where("p.session_id", "in", f.sessionIds);
  }
  if (f.status) q = q.where("p.status", "=", f.status);
  if (f.openOnly) q = q.where("p.status", "!=", "resolved");
  const rows = await q.orderBy("p.id").limit(f.limit).execute();
  const ids = rows.map((r) => r.id);
  const addressees =
    ids.length === 0
      ? []
      : await db
          .selectFrom("proposal_addressees as a")
          .innerJoin("units as u", "u.id", "a.unit_id")
          .leftJoin("organisations as o", "o.id", "a.organisation_id")
          .select([
            "a.proposal_id",
            "a.unit_id",
            "a.organisation_id",
            "u.name",
            "u.level",
            "o.name as org_name",
          ])
          .where("a.proposal_id", "in", ids)
          .orderBy("a.id")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    from: {
      unitId: r.from_unit_id,
      organisationId: r.from_organisation_id,
      name: r.org_name ?? unitDisplayName({ name: r.unit_name, level: r.unit_level }),
    },
    topic: r.topic,
    text: r.text,
    answerDue: r.answer_due,
    status: r.status as ProposalStatus,
    answer: r.answer,
    answeredAt: r.answered_at,
    answerOrganisationId: r.answer_organisation_id,
    directiveId: r.directive_id,
    createdAt: r.created_at,
    addressees: addressees
      .filter((a) => a.proposal_id === r.id)
      .map((a) => ({
        unitId: a.unit_id,
        organisationId: a.organisation_id,
        name: a.org_name ?? unitDisplayName(a),
      })),
  }));
}

export async function findProposal(db: Kysely<DB>, id: number): Promise<ProposalRecord | undefined> {
  const [found] = await listProposals(db, { scope: "all", ids: [id], limit: 1 });
  return found;
}

/** Corrects what a proposal says and whom it is addressed to (the answer is left as it is). */
export async function updateProposalContent(
  db: Kysely<DB>,
  id: number,
  p: Pick<NewProposal, "from" | "topic" | "text" | "answerDue" | "addressees">,
  now: Date,
): Promise<void> {
  await db
    .updateTable("proposals")
    .set({
      from_unit_id: p.from.unitId,
      from_organisation_id: p.from.organisationId,
      topic: p.topic,
      text: p.text,
      answer_due: p.answerDue,
      updated_at: now.toISOString(),
    })
    .where("id", "=", id)
    .execute();
  await db.deleteFrom("proposal_addressees").where("proposal_id", "=", id).execute();
  if (p.addressees.length > 0) {
    await db
      .insertInto("proposal_addressees")
      .values(
        p.addressees.map((a) => ({ proposal_id: id, unit_id: a.unitId, organisation_id: a.organisationId })),
      )
      .execute();
  }
}
