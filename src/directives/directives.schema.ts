/** Zod schemas of the directives and proposals API requests: they validate at the edge and document it. */
import { z } from "@hono/zod-openapi";
import { DateSchema, idSchema, requiredTextSchema, textSchema } from "../core/http/api.schema.js";
import { dbIdParamSchema } from "../core/validation/input.schema.js";
import { PartySchema } from "../units/parties.schema.js";
import { DEADLINE_KINDS } from "./deadline.js";
import { ASSIGNER_KEY, LEAD_KEY, PERIOD_KEY } from "./follow-up/follow-up-links.rules.js";
import { PROPOSAL_STATUSES } from "./proposals/proposals.repo.js";
import { TIMELINESS } from "./timeliness.rules.js";
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from "./workflow.rules.js";

export const DeadlineSchema = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    date: DateSchema.nullable().default(null),
    phrase: textSchema(200).nullable().default(null),
  })
  .openapi("Deadline", { description: "date: the last day covered (end of month, quarter, year or term)." });

export const DirectiveInputSchema = z
  .object({
    title: requiredTextSchema(5000),
    lead: PartySchema,
    coordinators: z.array(PartySchema).max(50).default([]),
    deadline: DeadlineSchema,
    assigningUnitId: idSchema.openapi({
      description: "Ignored for child tasks: the parent's lead unit assigns them.",
    }),
    assignerPersonId: idSchema.nullable().default(null),
    assignerName: textSchema(200).nullable().default(null),
    parentId: idSchema.nullable().default(null),
  })
  .openapi("DirectiveInput");

export const DirectiveQuerySchema = z.object({
  unit: dbIdParamSchema().optional().openapi({ description: "Lead unit id." }),
  status: z.enum(WORKFLOW_STATES).optional().openapi({ description: "Workflow state." }),
  timeliness: z.enum(TIMELINESS).optional().openapi({ description: "Derived timeliness, today in Vietnam." }),
  notice: z
    .union([dbIdParamSchema(), z.literal("none")])
    .optional()
    .openapi({ description: 'Source conclusion notice id, or "none": directives not from a notice.' }),
  under: dbIdParamSchema().optional().openapi({ description: "Lead unit id: led by it or a unit under it." }),
  lead: z.string().regex(LEAD_KEY).optional().openapi({
    description:
      'One lead party as the follow-up groups it: "u12" the unit itself (no organisation), "o34" an organisation.',
  }),
  assigner: z.string().max(300).regex(ASSIGNER_KEY).optional().openapi({
    description:
      'Assigner as the follow-up groups it: "p5" a person, "n:<name>" a name only, "u3" the assigning unit only.',
  }),
  period: z.string().regex(PERIOD_KEY).optional().openapi({
    description:
      'Last day of the deadline in a month "2020-03", quarter "2020-Q1" or year "2020"; "none": no deadline.',
  }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const ActionInputSchema = z
  .object({
    action: z.enum(WORKFLOW_ACTIONS),
    text: textSchema(20_000).nullable().optional(),
    percent: z.number().int().min(0).max(100).nullable().optional(),
    newLead: PartySchema.optional(),
    public: z.boolean().optional().openapi({
      description:
        "Show this report's text on the public page of the published notice (`/ket-luan/{id}`). Default false: internal.",
    }),
  })
  .openapi("DirectiveActionInput");

export const ProgressInputSchema = z
  .object({
    percent: z.number().int().min(0).max(100),
    text: requiredTextSchema(20_000),
    public: z.boolean().optional().openapi({
      description: "Show the text on the published notice's public page. Default false: internal.",
    }),
  })
  .openapi("ProgressInput");

export const DirectiveEditSchema = z
  .object({
    title: requiredTextSchema(5000).optional(),
    deadline: DeadlineSchema.optional(),
    coordinators: z.array(PartySchema).max(50).optional(),
  })
  .openapi("DirectiveEdit");

export const ProposalInputSchema = z
  .object({
    sessionId: idSchema.nullable().default(null),
    from: PartySchema,
    topic: requiredTextSchema(2000),
    text: textSchema(20_000).nullable().default(null),
    answerDue: DateSchema.nullable().default(null),
    addressees: z.array(PartySchema).min(1).max(50),
  })
  .openapi("ProposalInput");

export const ProposalEditSchema = z
  .object({
    from: PartySchema,
    topic: requiredTextSchema(2000),
    text: textSchema(20_000).nullable().default(null),
    answerDue: DateSchema.nullable().default(null),
    addressees: z.array(PartySchema).min(1).max(50),
  })
  .openapi("ProposalEdit");

export const AnswerInputSchema = z
  .object({ answer: requiredTextSchema(20_000), status: z.enum(PROPOSAL_STATUSES).exclude(["unanswered"]) })
  .openapi("ProposalAnswerInput");
