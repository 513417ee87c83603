/** Zod schemas of the hand-over API: the queue as it leaves the server, and the decisions it takes. */
import { z } from "@hono/zod-openapi";
import { idSchema, textSchema } from "../core/http/api.schema.js";
import { dbIdParamSchema } from "../core/validation/input.schema.js";
import { HANDOVER_ACTIONS, HANDOVER_KINDS } from "./handovers.model.js";

export const HandoverQuerySchema = z.object({
  unit: dbIdParamSchema()
    .optional()
    .openapi({
      param: { name: "unit", in: "query" },
      description: "A unit that no longer exists; without it, every such unit the caller may decide for.",
      example: 2,
    }),
});

const SuccessorSchema = z
  .object({
    unitId: z.number().int(),
    name: z.string().openapi({ example: "Phường Việt Hưng" }),
    populationShare: z.number().nullable().openapi({
      description: "Fraction 0–1 of the old unit's population that went there; null when not recorded.",
    }),
    legalBasis: z.string().nullable().openapi({ example: "Nghị quyết 1656/NQ-UBTVQH15" }),
  })
  .openapi("HandoverSuccessor");

export const HandoverItemSchema = z
  .object({
    kind: z.enum(HANDOVER_KINDS),
    id: z.number().int(),
    title: z.string(),
    fromUnit: z.object({ unitId: z.number().int(), name: z.string(), validTo: z.string() }),
    proposedSuccessors: z.array(SuccessorSchema),
  })
  .openapi("HandoverItem");

export const HandoverDecisionSchema = z
  .object({
    kind: z.enum(HANDOVER_KINDS),
    id: idSchema,
    action: z.enum(HANDOVER_ACTIONS).openapi({
      description:
        "move: to one successor; split (directives only): one new directive per successor, linked to the original, which ends; close: hết hiệu lực do sắp xếp đơn vị hành chính.",
    }),
    toUnitIds: z.array(idSchema).max(20).default([]),
    legalBasis: textSchema(300).openapi({ example: "NQ 1656/NQ-UBTVQH15" }),
    assigningUnitId: idSchema.nullable().optional().openapi({
      description:
        "Directives whose assigning unit no longer exists: the unit taking the assigning side, the receiving unit (default) or a unit above it.",
    }),
  })
  .openapi("HandoverDecision");

export const HandoverDecisionsSchema = z
  .object({ decisions: z.array(HandoverDecisionSchema).min(1).max(500) })
  .openapi("HandoverDecisions");

export const AppliedDecisionSchema = z
  .object({
    kind: z.enum(HANDOVER_KINDS),
    id: z.number().int(),
    action: z.enum(HANDOVER_ACTIONS),
    toUnitIds: z.array(z.number().int()),
    newIds: z
      .array(z.number().int())
      .openapi({ description: "Split directives: the new directive of each successor." }),
  })
  .openapi("AppliedHandoverDecision");
