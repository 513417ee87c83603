/** Zod schemas of the working sessions API: the session as taken and as given. */
import { z } from "@hono/zod-openapi";
import { idSchema, requiredTextSchema, textSchema } from "../core/http/api.schema.js";
import { ATTENDEE_SIDES, SESSION_KINDS } from "./sessions.model.js";

export const SessionInputSchema = z
  .object({
    kind: z.enum(SESSION_KINDS),
    title: requiredTextSchema(300),
    programItemId: idSchema.nullable().optional(),
    hostUnitId: idSchema,
    hostOrganisationId: idSchema.nullable().optional(),
    visitingUnitId: idSchema.nullable().optional(),
    visitingOrganisationId: idSchema.nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }).openapi({ example: "2020-01-02T14:00:00+07:00" }),
    endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    place: requiredTextSchema(300),
    chairPersonId: idSchema.nullable().optional(),
    chairName: requiredTextSchema(200),
    chairTitle: textSchema(300).nullable().optional(),
    minutes: textSchema(50_000).nullable().optional(),
    attendees: z
      .array(
        z.object({
          personId: idSchema.nullable().optional(),
          positionId: idSchema.nullable().optional(),
          name: requiredTextSchema(300),
          title: textSchema(300).nullable().optional(),
          unitId: idSchema.nullable().optional(),
          organisationId: idSchema.nullable().optional(),
          side: z.enum(ATTENDEE_SIDES),
        }),
      )
      .max(500)
      .default([]),
    agenda: z
      .array(z.object({ title: requiredTextSchema(500), presenter: textSchema(200).nullable().optional() }))
      .max(100)
      .default([]),
    documents: z
      .array(
        z.object({
          title: requiredTextSchema(300),
          kind: z.enum(["evaluation", "file", "other"]),
          unitId: idSchema.nullable().optional(),
          periodKey: z
            .string()
            .regex(/^\d{4}(-\d{4})?$/)
            .nullable()
            .optional(),
          fileId: idSchema.nullable().optional(),
        }),
      )
      .max(100)
      .default([]),
    opinions: z
      .array(
        z.object({
          personId: idSchema.nullable().optional(),
          speakerName: requiredTextSchema(200),
          speakerTitle: textSchema(300).nullable().optional(),
          organisationId: idSchema.nullable().optional(),
          summary: requiredTextSchema(10_000),
        }),
      )
      .max(200)
      .default([]),
  })
  .openapi("SessionInput");

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

/**
 * One session's own record. The API adds the parts the rooms above contribute (notices, proposals,
 * work still open) from their session sections (session.extension.ts) and names the whole
 * "WorkingSessionDetail".
 */
export const SessionDetailOutSchema = SessionOutSchema.extend({
  chairTitle: z.string().nullable(),
  minutes: z.string().nullable(),
  attendees: z.array(z.record(z.string(), z.unknown())),
  agenda: z.array(z.object({ title: z.string(), presenter: z.string().nullable() })),
  documents: z.array(z.record(z.string(), z.unknown())),
  opinions: z.array(z.record(z.string(), z.unknown())),
});
