/** Response schemas of the sessions API, for the OpenAPI document (presenters build these shapes). */
import { z } from "@hono/zod-openapi";
import { DEADLINE_KINDS } from "../directives/deadline.js";
import { PROPOSAL_STATUSES } from "../directives/proposals.repo.js";
import { TIMELINESS } from "../directives/timeliness.rules.js";
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from "../directives/workflow.rules.js";
import { PartyOutSchema } from "./sessions.schema.js";

const ParsedPartySchema = z
  .object({
    text: z.string().openapi({ description: "As written in the text." }),
    key: z
      .string()
      .nullable()
      .openapi({ description: '"u12" (a unit) or "o34" (an organisation) when recognised.' }),
    unitId: z.number().int().nullable(),
    organisationId: z.number().int().nullable(),
    name: z.string().nullable(),
    candidates: z.array(z.object({ key: z.string(), name: z.string() })),
  })
  .openapi("ParsedParty");

export const ParseOutputSchema = z
  .object({
    items: z.array(
      z.object({
        number: z.number().int(),
        area: z.string().openapi({ example: "economy" }),
        areaLabel: z.string().openapi({ example: "Phát triển kinh tế" }),
        heading: z.string().nullable(),
        text: z.string(),
        source: z.string(),
        leadUnit: ParsedPartySchema.nullable(),
        coordinatingUnits: z.array(ParsedPartySchema),
        deadline: z.object({
          kind: z.enum(DEADLINE_KINDS),
          date: z.string().nullable(),
          phrase: z.string().nullable(),
        }),
        subItems: z.array(
          z.object({
            marker: z.string(),
            text: z.string(),
            leadUnit: ParsedPartySchema.nullable(),
            deadline: z.unknown(),
          }),
        ),
      }),
    ),
  })
  .openapi("ConclusionParseResult");

export const DirectiveOutSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    noticeId: z.number().int().nullable(),
    noticeNumber: z.string().nullable(),
    itemId: z.number().int().nullable(),
    parentId: z.number().int().nullable(),
    proposalId: z.number().int().nullable(),
    lead: PartyOutSchema,
    coordinators: z.array(PartyOutSchema),
    assigningUnitId: z.number().int(),
    assignerName: z.string().nullable(),
    deadline: z.object({
      kind: z.enum(DEADLINE_KINDS),
      date: z.string().nullable(),
      phrase: z.string().nullable(),
    }),
    state: z.enum(WORKFLOW_STATES),
    timeliness: z.enum(TIMELINESS).openapi({ description: "Derived now (Asia/Ho_Chi_Minh), never stored." }),
    daysOverdue: z.number().int(),
    progressPercent: z.number().int(),
    submittedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
  })
  .openapi("Directive");

export const ReportOutSchema = z
  .object({
    id: z.number().int(),
    action: z.string(),
    percent: z.number().int().nullable(),
    text: z.string().nullable(),
    fromState: z.string(),
    toState: z.string(),
    reporterName: z.string(),
    at: z.string(),
    files: z.array(z.object({ id: z.number().int(), name: z.string(), byteSize: z.number().int() })),
  })
  .openapi("DirectiveReport");

export const DirectiveDetailSchema = DirectiveOutSchema.extend({
  allowedActions: z.array(z.enum(WORKFLOW_ACTIONS)).openapi({ description: "What the caller may do now." }),
  reports: z.array(ReportOutSchema),
  children: z.array(DirectiveOutSchema),
}).openapi("DirectiveDetail");

export const ProposalOutSchema = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int().nullable(),
    from: PartyOutSchema,
    topic: z.string(),
    text: z.string().nullable(),
    answerDue: z.string().nullable(),
    status: z.enum(PROPOSAL_STATUSES),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    directiveId: z.number().int().nullable(),
    addressees: z.array(PartyOutSchema),
  })
  .openapi("Proposal");

const SummarySchema = z
  .object({
    total: z.number().int(),
    byState: z.record(z.string(), z.number().int()),
    byTimeliness: z.record(z.string(), z.number().int()),
    cancelled: z.number().int(),
    counted: z.number().int(),
    completed: z.number().int(),
    completionPercent: z.number().nullable(),
    completedLate: z.number().int(),
    overduePercentOfCompleted: z.number().nullable(),
    overdue: z.number().int(),
    longestOverdueDays: z.number().int().nullable(),
  })
  .openapi("FollowUpSummary");

export const FollowUpOutSchema = z
  .object({
    by: z.string(),
    grain: z.string(),
    today: z.string(),
    total: SummarySchema,
    groups: z.array(z.object({ key: z.string().nullable(), label: z.string(), summary: SummarySchema })),
  })
  .openapi("FollowUpReport");

export const SessionOutSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    place: z.string(),
    chairName: z.string(),
    host: z.object({ id: z.number().int(), name: z.string(), level: z.string() }),
    visiting: z
      .object({
        id: z.number().int(),
        name: z.string(),
        level: z.string(),
        organisation: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi("WorkingSession");

export const SessionDetailOutSchema = SessionOutSchema.extend({
  chairTitle: z.string().nullable(),
  minutes: z.string().nullable(),
  attendees: z.array(z.record(z.string(), z.unknown())),
  agenda: z.array(z.object({ title: z.string(), presenter: z.string().nullable() })),
  documents: z.array(z.record(z.string(), z.unknown())),
  opinions: z.array(z.record(z.string(), z.unknown())),
  notices: z.array(
    z.object({ id: z.number().int(), number: z.string(), issuedOn: z.string(), title: z.string() }),
  ),
  proposals: z.array(ProposalOutSchema),
  stillOpen: z
    .object({ directives: z.array(DirectiveOutSchema), proposals: z.array(ProposalOutSchema) })
    .openapi({ description: "What is still open from earlier sessions with the same unit." }),
}).openapi("WorkingSessionDetail");

export const NoticeOutSchema = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int().nullable(),
    number: z.string(),
    issuedOn: z.string(),
    issuingUnitId: z.number().int(),
    issuingBody: z.string(),
    title: z.string(),
    signerName: z.string(),
    signerTitle: z.string(),
    items: z.array(
      z.object({
        id: z.number().int(),
        parentItemId: z.number().int().nullable(),
        number: z.string(),
        area: z.string(),
        text: z.string(),
        directives: z.array(DirectiveOutSchema),
      }),
    ),
  })
  .openapi("ConclusionNotice");
