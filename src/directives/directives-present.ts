/**
 * What leaves the server about directives and proposals, for JSON and pages alike: a whitelist of
 * fields, with timeliness derived at the moment of the request.
 */
import { type DirectiveRecord, daysOverdueOf, type PartyRef, timelinessOf } from "./directives.model.js";
import type { ProposalRecord } from "./proposals/proposals.repo.js";
import type { Timeliness } from "./timeliness.rules.js";

export interface DirectiveOut {
  id: number;
  title: string;
  noticeId: number | null;
  noticeNumber: string | null;
  itemId: number | null;
  parentId: number | null;
  proposalId: number | null;
  lead: PartyRef;
  coordinators: DirectiveRecord["coordinators"];
  assigningUnitId: number;
  assignerName: string | null;
  deadline: DirectiveRecord["deadline"];
  state: DirectiveRecord["state"];
  timeliness: Timeliness;
  daysOverdue: number;
  progressPercent: number;
  submittedAt: string | null;
  confirmedAt: string | null;
}

export function presentDirective(d: DirectiveRecord, now: Date): DirectiveOut {
  return {
    id: d.id,
    title: d.title,
    noticeId: d.noticeId,
    noticeNumber: d.noticeNumber,
    itemId: d.itemId,
    parentId: d.parentId,
    proposalId: d.proposalId,
    lead: { unitId: d.lead.unitId, organisationId: d.lead.organisationId, name: d.lead.name },
    coordinators: d.coordinators,
    assigningUnitId: d.assigningUnitId,
    assignerName: d.assignerName,
    deadline: d.deadline,
    state: d.state,
    timeliness: timelinessOf(d, now),
    daysOverdue: daysOverdueOf(d, now),
    progressPercent: d.progressPercent,
    submittedAt: d.submittedAt,
    confirmedAt: d.confirmedAt,
  };
}

export function presentProposal(p: ProposalRecord) {
  return {
    id: p.id,
    sessionId: p.sessionId,
    from: p.from,
    topic: p.topic,
    text: p.text,
    answerDue: p.answerDue,
    status: p.status,
    answer: p.answer,
    answeredAt: p.answeredAt,
    directiveId: p.directiveId,
    addressees: p.addressees,
  };
}

export type ProposalOut = ReturnType<typeof presentProposal>;
