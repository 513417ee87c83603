/** Zod schemas of deadline extensions: requests, decisions and what the directive's JSON shows of them. */
import { z } from "@hono/zod-openapi";
import { DateSchema, requiredTextSchema } from "../../core/http/api.schema.js";
import { dbIdParamSchema } from "../../core/validation/input.schema.js";
import { DEADLINE_KINDS } from "../deadline.js";
import { EXTENSION_DECISIONS, EXTENSION_STATUSES } from "./extensions.rules.js";

export const ExtensionRequestInputSchema = z
  .object({
    requestedDate: DateSchema.openapi({
      description: "The new last day asked for: today or later, and after the current deadline.",
      example: "2026-03-31",
    }),
    reason: requiredTextSchema(5000).openapi({ description: "Why the lead unit needs more time." }),
  })
  .openapi("ExtensionRequestInput");

export const ExtensionDecisionInputSchema = z
  .object({
    decision: z.enum(EXTENSION_DECISIONS),
    reason: requiredTextSchema(5000).openapi({ description: "The assigner's reason or opinion." }),
  })
  .openapi("ExtensionDecisionInput");

export const ExtensionParamsSchema = z.object({
  id: dbIdParamSchema().openapi({ param: { name: "id", in: "path" }, example: 1 }),
  requestId: dbIdParamSchema().openapi({ param: { name: "requestId", in: "path" }, example: 1 }),
});

const DeadlineOutSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  date: z.string().nullable(),
  phrase: z.string().nullable(),
});

export const ExtensionOutSchema = z
  .object({
    id: z.number().int(),
    directiveId: z.number().int(),
    requestedDate: z.string(),
    reason: z.string(),
    status: z.enum(EXTENSION_STATUSES),
    requesterName: z.string(),
    requestedAt: z.string(),
    deciderName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    previousDeadline: DeadlineOutSchema.openapi({
      description: "The deadline when the request was made: the one a grant replaced.",
    }),
  })
  .openapi("DirectiveExtension");

/** What the directive's own JSON adds about extensions. */
export const ExtensionFieldsSchema = {
  originalDeadline: DeadlineOutSchema.openapi({
    description:
      "The deadline first given; `deadline` is the one in force (a granted extension's date), by which timeliness is judged.",
  }),
  extensions: z.array(ExtensionOutSchema).openapi({ description: "Extension requests, oldest first." }),
};
