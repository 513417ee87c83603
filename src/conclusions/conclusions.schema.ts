/** Zod schemas of the conclusions API: reading a notice's text, saving and correcting notices, and their responses. */
import { z } from "@hono/zod-openapi";
import { DateSchema, idSchema, requiredTextSchema, textSchema } from "../core/http/api.schema.js";
import { AREA_CODES } from "../directives/areas.js";
import { DEADLINE_KINDS } from "../directives/deadline.js";
import { DeadlineSchema } from "../directives/directives.schema.js";
import { DirectiveOutSchema } from "../directives/directives-responses.schema.js";
import { PartySchema } from "../units/parties.schema.js";
import { MAX_ITEM_DEPTH, NOTICE_ITEM_KINDS } from "./reader/notice-reader.js";

export const ParseInputSchema = z
  .object({
    text: z.string().min(1, { error: "Vui lòng dán nội dung kết luận." }).max(200_000),
    sessionId: idSchema
      .optional()
      .openapi({ description: "Read dates and short unit names against this session." }),
    date: DateSchema.optional().openapi({
      description: "Date for phrases without a year; default the session's, else today.",
    }),
  })
  .openapi("ConclusionParseInput");

const DirectiveDraftSchema = z.object({
  title: textSchema(5000).nullable().optional(),
  lead: PartySchema,
  coordinators: z.array(PartySchema).max(50).default([]),
  deadline: DeadlineSchema,
});

export const NoticeInputSchema = z
  .object({
    sessionId: idSchema.nullable().default(null),
    number: requiredTextSchema(50).openapi({ example: "136-TB/QU" }),
    issuedOn: DateSchema,
    issuingUnitId: idSchema,
    issuingBody: requiredTextSchema(200).openapi({ example: "QUẬN ỦY LONG BIÊN" }),
    parentBody: textSchema(200).nullable().default(null),
    placeName: requiredTextSchema(100).openapi({ example: "Long Biên" }),
    title: requiredTextSchema(500),
    preamble: textSchema(10_000).nullable().default(null),
    signerPersonId: idSchema.nullable().default(null),
    signerName: requiredTextSchema(200),
    signerTitle: requiredTextSchema(200),
    signingAuthority: textSchema(200).nullable().default(null),
    recipients: textSchema(5000).nullable().default(null),
    items: z
      .array(
        z.object({
          number: requiredTextSchema(10),
          area: z.enum(AREA_CODES),
          text: requiredTextSchema(20_000),
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
          id: idSchema.nullable().default(null).openapi({ description: "An existing item; null adds one." }),
          number: textSchema(10),
          area: z.enum(AREA_CODES),
          text: textSchema(20_000),
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

const ParsedDeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  date: z.string().nullable().openapi({
    description: 'ISO date; null when the phrase fixes none (e.g. "ngay sau khi kết thúc Đại hội").',
  }),
  phrase: z.string().nullable().openapi({ example: "trước ngày 30/6/2020" }),
});

/** One level of the tree; `subItems` holds the next level, down to MAX_ITEM_DEPTH. */
function parsedItemSchema(depth: number): z.ZodType {
  return z.object({
    path: z.string().openapi({
      example: "II.2.a",
      description:
        'Where the item sits: "III.4", "II.2.a"; "-1" the first dash, "s2" the second task written as prose.',
    }),
    kind: z.enum(NOTICE_ITEM_KINDS).openapi({
      description: "task; request (to a higher level); assessment (a statement nobody acts on); heading.",
    }),
    marker: z.string().openapi({ example: "a)" }),
    number: z.number().int(),
    area: z.string().openapi({ example: "economy" }),
    areaLabel: z.string().openapi({ example: "Phát triển kinh tế" }),
    heading: z.string().nullable(),
    text: z.string(),
    source: z.string(),
    leadUnit: ParsedPartySchema.nullable(),
    leadInherited: z
      .boolean()
      .openapi({ description: "The lead is stated once above (a lead-in), not in the item." }),
    coordinatingUnits: z.array(ParsedPartySchema),
    deadline: ParsedDeadlineSchema,
    deadlineInherited: z.boolean(),
    subItems:
      depth > 1
        ? z.array(parsedItemSchema(depth - 1))
        : z.array(z.unknown()).max(0).openapi({ description: "Deeper levels are not returned." }),
  });
}

export const ParseOutputSchema = z
  .object({
    items: z.array(parsedItemSchema(MAX_ITEM_DEPTH)),
    date: DateSchema.openapi({ description: "The date unit names and yearless phrases were read as of." }),
    mode: z.enum(["list", "outline"]).openapi({
      description: "list: the one list of a news article's conclusions; outline: a document's whole tree.",
    }),
    dateSource: z.enum(["given", "place_line", "published", "first_date", "today"]).openapi({
      description: "Where that date comes from: given (or the session's), found in the text, or today.",
    }),
  })
  .openapi("ConclusionParseResult");

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
