/**
 * Proposals I must answer: unanswered, addressed to a unit or department the actor may answer for
 * (answerableAddressees of proposals.service.ts). The list's `phai_tra_loi=1` filter and the dashboard's
 * card read this one function, so the card's count is the number of rows the list shows.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { mayAnywhere } from "../../core/access/needs.js";
import type { DB } from "../../core/db/schema.js";
import { staffOrganisationIds } from "../department-staff.repo.js";
import type { ProposalRecord, ProposalStatus } from "./proposals.repo.js";
import { addresseesAnswerableBy, searchProposals } from "./proposals.service.js";
import { PROPOSALS_HREF } from "./proposals.views.js";

/** The list of proposals waiting for the actor's answer. */
export const PROPOSALS_TO_ANSWER_HREF = `${PROPOSALS_HREF}?tinh_trang=unanswered&phai_tra_loi=1`;

/** Can the actor's roles ever make them answer a proposal? */
export function mayAnswerProposals(ctx: Pick<ActorContext, "actor" | "today">): boolean {
  return (
    mayAnywhere(ctx.actor, "proposal.answer", ctx.today) ||
    mayAnywhere(ctx.actor, "proposal.answer_as_department", ctx.today)
  );
}

/** Readable proposals of the status (any when undefined) that the actor may answer. */
export async function proposalsAnswerableBy(
  db: Kysely<DB>,
  ctx: Omit<ActorContext, "now">,
  status: ProposalStatus | undefined,
): Promise<ProposalRecord[]> {
  const [rows, staff] = await Promise.all([
    searchProposals(db, { status }, ctx),
    staffOrganisationIds(db, ctx.actor.userId),
  ]);
  return rows.filter((p) => addresseesAnswerableBy(p, ctx, staff).length > 0);
}

/** How many unanswered proposals wait for the actor's answer (the rows of PROPOSALS_TO_ANSWER_HREF). */
export async function countProposalsToAnswer(db: Kysely<DB>, ctx: ActorContext): Promise<number> {
  return (await proposalsAnswerableBy(db, ctx, "unanswered")).length;
}
