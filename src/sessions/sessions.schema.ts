/**
 * Zod schemas of the sessions API (sessions, conclusions, directives, progress, proposals): they
 * validate requests at the edge and document them in the OpenAPI document.
 */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../core/format/vi-date.js";
import { dbIdParamSchema } from "../core/validation/input.schema.js";
import { AREA_CODES } from "../directives/areas.js";
import { DEADLINE_KINDS } from "../directives/deadline.js";
import { PROPOSAL_STATUSES } from "../directives/proposals.repo.js";
import { TIMELINESS } from "../directives/timeliness.rules.js";
import { WORKFLOW_ACTIONS, WORKFLOW_STATES } from "../directives/workflow.rules.js";
import { ATTENDEE_SIDES, SESSION_KINDS } from "./sessions.model.js";

export const IdParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const DateSchema = z
  .string()
  .refine(isIsoDate, { error: "Ngày phải có dạng YYYY-MM-DD và là ngày có thật." })
  .openapi({ example: "2020-01-02" });

const id = z.number().int().min(1).max(2_147_483_647);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Dài tối đa ${max} ký tự.` });
const required = (max: number) => text(max).min(1, { error: "Không được để trống." });

export const PartySchema = z
  .object({
    unitId: id.openapi({ description: "The unit (permissions follow it)." }),
    organisationId: id
      .nullable()
      .default(null)
      .openapi({ description: "One of the unit's organisations, if any." }),
  })
  .openapi("Party");

export const PartyOutSchema = z
  .object({ unitId: z.number().int(), organisationId: z.number().int().nullable(), name: z.string() })
  .openapi("PartyRef");

export const DeadlineSchema = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    date: DateSchema.nullable().default(null),
    phrase: text(200).nullable().default(null),
  })
  .openapi("Deadline", { description: "date: the last day covered (end of month, quarter, year or term)." });

export const SessionInputSchema = z
  .object({
    kind: z.enum(SESSION_KINDS),
    title: required(300),
    programItemId: id.nullable().optional(),
    hostUnitId: id,
    hostOrganisationId: id.nullable().optional(),
    visitingUnitId: id.nullable().optional(),
    visitingOrganisationId: id.nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }).openapi({ example: "2020-01-02T14:00:00+07:00" }),
    endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    place: required(300),
    chairPersonId: id.nullable().optional(),
    chairName: required(200),
    chairTitle: text(300).nullable().optional(),
    minutes: text(50_000).nullable().optional(),
    attendees: z
      .array(
        z.object({
          personId: id.nullable().optional(),
          positionId: id.nullable().optional(),
          name: required(300),
          title: text(300).nullable().optional(),
          unitId: id.nullable().optional(),
          organisationId: id.nullable().optional(),
          side: z.enum(ATTENDEE_SIDES),
        }),
      )
      .max(500)
      .default([]),
    agenda: z
      .array(z.object({ title: required(500), presenter: text(200).nullable().optional() }))
      .max(100)
      .default([]),
    documents: z
      .array(
        z.object({
          title: required(300),
          kind: z.enum(["evaluation", "file", "other"]),
          unitId: id.nullable().optional(),
          periodKey: z
            .string()
            .regex(/^\d{4}(-\d{4})?$/)
            .nullable()
            .optional(),
          fileId: id.nullable().optional(),
        }),
      )
      .max(100)
      .default([]),
    opinions: z
      .array(
        z.object({
          personId: id.nullable().optional(),
          speakerName: required(200),
          speakerTitle: text(300).nullable().optional(),
          organisationId: id.nullable().optional(),
          summary: required(10_000),
        }),
      )
      .max(200)
      .default([]),
  })
  .openapi("SessionInput");

export const ParseInputSchema = z
  .object({
    text: z.string().min(1, { error: "Vui lòng dán nội dung kết luận." }).max(200_000),
    sessionId: id
      .optional()
      .openapi({ description: "Read dates and short unit names against this session." }),
    date: DateSchema.optional().openapi({
      description: "Date for phrases without a year; default the session's, else today.",
    }),
  })
  .openapi("ConclusionParseInput");

const DirectiveDraftSchema = z.object({
  title: text(5000).nullable().optional(),
  lead: PartySchema,
  coordinators: z.array(PartySchema).max(50).default([]),
  deadline: DeadlineSchema,
});

export const NoticeInputSchema = z
  .object({
    sessionId: id.nullable().default(null),
    number: required(50).openapi({ example: "136-TB/QU" }),
    issuedOn: DateSchema,
    issuingUnitId: id,
    issuingBody: required(200).openapi({ example: "QUẬN ỦY LONG BIÊN" }),
    parentBody: text(200).nullable().default(null),
    placeName: required(100).openapi({ example: "Long Biên" }),
    title: required(500),
    preamble: text(10_000).nullable().default(null),
    signerPersonId: id.nullable().default(null),
    signerName: required(200),
    signerTitle: required(200),
    signingAuthority: text(200).nullable().default(null),
    recipients: text(5000).nullable().default(null),
    items: z
      .array(
        z.object({
          number: required(10),
          area: z.enum(AREA_CODES),
          text: required(20_000),
          parentIndex: z.number().int().min(0).nullable().optional(),
          directives: z.array(DirectiveDraftSchema).max(20).default([]),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi("ConclusionNoticeInput");

export const NoticeEditSchema = NoticeInputSchema.pick({
  number: true,
  issuedOn: true,
  issuingBody: true,
  parentBody: true,
  placeName: true,
  title: true,
  preamble: true,
  signerPersonId: true,
  signerName: true,
  signerTitle: true,
  signingAuthority: true,
  recipients: true,
})
  .extend({
    items: z
      .array(
        z.object({
          id: id.nullable().default(null).openapi({ description: "An existing item; null adds one." }),
          number: text(10),
          area: z.enum(AREA_CODES),
          text: text(20_000),
          remove: z
            .boolean()
            .default(false)
            .openapi({ description: "Drop the item (only one no directive was made from)." }),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi("ConclusionNoticeEdit", {
    description:
      "Corrects a notice: the issuing unit and session stay; items not listed stay as they are. Directives titled with an item's text take the corrected text; those given by the signer take the corrected signer.",
  });

export const ProposalEditSchema = z
  .object({
    from: PartySchema,
    topic: required(2000),
    text: text(20_000).nullable().default(null),
    answerDue: DateSchema.nullable().default(null),
    addressees: z.array(PartySchema).min(1).max(50),
  })
  .openapi("ProposalEdit");

export const DirectiveInputSchema = z
  .object({
    title: required(5000),
    lead: PartySchema,
    coordinators: z.array(PartySchema).max(50).default([]),
    deadline: DeadlineSchema,
    assigningUnitId: id.openapi({
      description: "Ignored for child tasks: the parent's lead unit assigns them.",
    }),
    assignerPersonId: id.nullable().default(null),
    assignerName: text(200).nullable().default(null),
    parentId: id.nullable().default(null),
  })
  .openapi("DirectiveInput");

export const DirectiveQuerySchema = z.object({
  unit: dbIdParamSchema().optional().openapi({ description: "Lead unit id." }),
  status: z.enum(WORKFLOW_STATES).optional().openapi({ description: "Workflow state." }),
  timeliness: z.enum(TIMELINESS).optional().openapi({ description: "Derived timeliness, today in Vietnam." }),
  notice: dbIdParamSchema().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const ActionInputSchema = z
  .object({
    action: z.enum(WORKFLOW_ACTIONS),
    text: text(20_000).nullable().optional(),
    percent: z.number().int().min(0).max(100).nullable().optional(),
    newLead: PartySchema.optional(),
  })
  .openapi("DirectiveActionInput");

export const ProgressInputSchema = z
  .object({ percent: z.number().int().min(0).max(100), text: required(20_000) })
  .openapi("ProgressInput");

export const DirectiveEditSchema = z
  .object({
    title: required(5000).optional(),
    deadline: DeadlineSchema.optional(),
    coordinators: z.array(PartySchema).max(50).optional(),
  })
  .openapi("DirectiveEdit");

export const ProposalInputSchema = z
  .object({
    sessionId: id.nullable().default(null),
    from: PartySchema,
    topic: required(2000),
    text: text(20_000).nullable().default(null),
    answerDue: DateSchema.nullable().default(null),
    addressees: z.array(PartySchema).min(1).max(50),
  })
  .openapi("ProposalInput");

export const AnswerInputSchema = z
  .object({ answer: required(20_000), status: z.enum(PROPOSAL_STATUSES).exclude(["unanswered"]) })
  .openapi("ProposalAnswerInput");

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi("SessionsError");

export const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorSchema } },
});

/** A JSON body wrapped as `{ data: … }`; the schema documents it. */
export function dataResponse(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema: z.object({ data: schema }) } } };
}
