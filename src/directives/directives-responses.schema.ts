/** Response schemas of the directives and proposals API, for the OpenAPI document (presenters build these shapes). */
import { z } from "@hono/zod-openapi";
import { PartyOutSchema } from "../units/parties.schema.js";
import { DEADLINE_KINDS } from "./deadline.js";
import { ExtensionFieldsSchema } from "./extensions/extensions.schema.js";
import { PROPOSAL_STATUSES } from "./proposals/proposals.repo.js";
import { TIMELINESS } from "./timeliness.rules.js";
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from "./workflow.rules.js";

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
  ...ExtensionFieldsSchema,
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
    awaitingHandover: z.number().int().openapi({
      description: "Open directives whose lead unit no longer exists (chờ bàn giao): not counted as overdue.",
    }),
  })
  .openapi("FollowUpSummary");

const FollowUpRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  summary: SummarySchema,
  href: z.string().openapi({
    description:
      "The list the row counts (GET /api/v1/directives…); a count's list adds `status` (completed: confirmed, cancelled) or `timeliness`.",
  }),
});

export const FollowUpOutSchema = z
  .object({
    by: z.string(),
    grain: z.string(),
    today: z.string(),
    total: SummarySchema,
    href: z.string().openapi({ description: "The directives the totals count (GET /api/v1/directives…)." }),
    groups: z.array(
      FollowUpRowSchema.extend({
        parts: z.array(FollowUpRowSchema).optional().openapi({
          description:
            "By lead unit: the unit itself and each of its organisations, when organisations lead some.",
        }),
      }),
    ),
  })
  .openapi("FollowUpReport");
