/** Zod schemas of a party (a unit, or one of its organisations) as the API takes and gives it. */
import { z } from "@hono/zod-openapi";
import { idSchema } from "../core/http/api.schema.js";

export const PartySchema = z
  .object({
    unitId: idSchema.openapi({ description: "The unit (permissions follow it)." }),
    organisationId: idSchema
      .nullable()
      .default(null)
      .openapi({ description: "One of the unit's organisations, if any." }),
  })
  .openapi("Party");

export const PartyOutSchema = z
  .object({ unitId: z.number().int(), organisationId: z.number().int().nullable(), name: z.string() })
  .openapi("PartyRef");
