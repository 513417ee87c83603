/** Zod schemas of the feedback API: requests are checked at the edge, the fields' meaning in feedback-input.rules.ts. */
import { z } from "@hono/zod-openapi";
import { idSchema, textSchema } from "../core/http/api.schema.js";
import { dbIdParamSchema } from "../core/validation/input.schema.js";
import {
  FEEDBACK_STATES,
  FEEDBACK_TOPICS,
  FEEDBACK_VISIBILITIES,
  MAX_FEEDBACK_PHOTOS,
} from "./feedback.model.js";

export const FeedbackCodeParamSchema = z.object({
  code: z
    .string()
    .max(20)
    .openapi({
      param: { name: "code", in: "path" },
      example: "PA-7K3M9Q",
      description: "The tracking code.",
    }),
});

export const FeedbackInputSchema = z
  .object({
    unitId: idSchema.openapi({ description: "The ward or commune (existing today) whose queue it goes to." }),
    topic: z.enum(FEEDBACK_TOPICS),
    place: z.string().max(2_000),
    text: z.string().max(20_000),
    senderName: z.string().max(1_000).nullable().default(null),
    senderContact: z
      .string()
      .max(1_000)
      .nullable()
      .default(null)
      .openapi({ description: "Phone or e-mail; required when `wantsReply` is true." }),
    wantsReply: z.boolean().default(false),
    consent: z.boolean().openapi({
      description:
        "Must be true: the sender agrees to the processing of the personal data given, as the form's notice states.",
    }),
    website: z
      .string()
      .max(1_000)
      .default("")
      .openapi({ description: "Leave empty (a field people never see; automated senders fill it in)." }),
    altcha: z.string().max(20_000).openapi({
      description:
        "The proof of work: base64 of `{ challenge, solution }` for a challenge from `GET /api/v1/feedback-challenge`, solved with ALTCHA (altcha-lib `solveChallenge`). Each challenge is accepted once.",
    }),
    photos: z
      .array(
        z.object({
          name: z.string().max(200).default(""),
          data: z
            .string()
            .max(14_000_000)
            .openapi({ description: "The photo's bytes in base64 (JPEG, PNG or WebP)." }),
        }),
      )
      .max(MAX_FEEDBACK_PHOTOS)
      .default([]),
  })
  .openapi("FeedbackInput");

export const FeedbackCreatedSchema = z
  .object({
    code: z.string().openapi({ example: "PA-7K3M9Q" }),
    state: z.enum(FEEDBACK_STATES),
    answerDue: z
      .string()
      .openapi({ description: "The last day to answer (10 working days).", example: "2026-12-21" }),
    trackUrl: z.string(),
  })
  .openapi("FeedbackCreated");

export const PublicFeedbackSchema = z
  .object({
    code: z.string(),
    unitName: z.string(),
    topic: z.enum(FEEDBACK_TOPICS),
    place: z.string(),
    state: z.enum(FEEDBACK_STATES),
    receivedAt: z.string(),
    answerDue: z.string(),
    answer: z
      .string()
      .nullable()
      .openapi({ description: "The ward's answer, when the ward chose to publish it." }),
    answeredAt: z.string().nullable(),
  })
  .openapi("PublicFeedback");

export const FeedbackRecordSchema = z
  .object({
    code: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    topic: z.enum(FEEDBACK_TOPICS),
    place: z.string(),
    text: z.string(),
    senderName: z.string().nullable(),
    senderContact: z.string().nullable(),
    wantsReply: z.boolean(),
    state: z.enum(FEEDBACK_STATES),
    visibility: z.enum(FEEDBACK_VISIBILITIES),
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    answer: z.string().nullable(),
    answerPublic: z.boolean(),
    answeredAt: z.string().nullable(),
    answerDue: z.string(),
    overdue: z.boolean(),
    receivedAt: z.string(),
    photoCount: z.number().int(),
  })
  .openapi("FeedbackRecord");

export const FeedbackHandlingSchema = z
  .object({
    state: z.enum(FEEDBACK_STATES),
    organisationId: idSchema.nullable().default(null),
    answer: textSchema(5_000).nullable().default(null),
    answerPublic: z.boolean().default(false),
  })
  .openapi("FeedbackHandling");

export const FeedbackModerationSchema = z
  .object({ visibility: z.enum(FEEDBACK_VISIBILITIES) })
  .openapi("FeedbackModeration");

export const FeedbackQuerySchema = z.object({
  unit: dbIdParamSchema().optional().openapi({ description: "Only this ward's queue." }),
  state: z.enum(FEEDBACK_STATES).optional(),
  topic: z.enum(FEEDBACK_TOPICS).optional(),
  visibility: z.enum(FEEDBACK_VISIBILITIES).optional(),
});

export const ChallengeSchema = z
  .object({
    parameters: z.record(z.string(), z.unknown()),
    signature: z.string().optional(),
  })
  .openapi("FeedbackChallenge");
