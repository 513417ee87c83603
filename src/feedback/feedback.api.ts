/**
 * `/api/v1/feedback…`: citizens send feedback without an account (with a proof of work) and follow it
 * by its code; the ward's officers read their queue and answer.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  errorResponses,
  recordErrors,
} from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import { TooManyRequestsError, ValidationError } from "../core/http/errors.js";
import { clientIp, todayOf } from "../core/http/request.js";
import {
  ChallengeSchema,
  FeedbackCodeParamSchema,
  FeedbackCreatedSchema,
  FeedbackHandlingSchema,
  FeedbackInputSchema,
  FeedbackModerationSchema,
  FeedbackQuerySchema,
  FeedbackRecordSchema,
  PublicFeedbackSchema,
} from "./feedback.schema.js";
import { submitFeedback, trackFeedback } from "./feedback.service.js";
import { presentRecord } from "./feedback-present.js";
import {
  getFeedbackFor,
  handleFeedback,
  moderateFeedback,
  searchFeedbacks,
} from "./feedback-queue.service.js";
import { createPowChallenge, mayHandOutChallenge } from "./proof-of-work.js";

const TAG = ["Phản ánh, kiến nghị của người dân"];
const common = recordErrors("feedback");

const challengeRoute = createRoute({
  method: "get",
  path: "/api/v1/feedback-challenge",
  operationId: "getFeedbackChallenge",
  ...access(
    "public",
    "Anyone.",
    "A proof-of-work challenge (ALTCHA, PBKDF2/SHA-256) to solve before sending a feedback; valid 20 minutes, once.",
  ),
  tags: TAG,
  summary: "A proof-of-work challenge for one feedback",
  responses: {
    429: errorResponse("Too many challenges for this address lately; `Retry-After` says when to try again."),
    200: {
      description: "The challenge (ALTCHA v2 format).",
      content: { "application/json": { schema: ChallengeSchema } },
    },
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/api/v1/feedback",
  operationId: "createFeedback",
  ...access(
    "public",
    "Anyone, without an account; at most 5 an hour and 20 a day from one address.",
    "Send a feedback to a ward's queue. The sender's name and contact are seen only by the ward's officers.",
  ),
  tags: TAG,
  summary: "Send a citizen's feedback (phản ánh, kiến nghị)",
  request: { body: { required: true, content: { "application/json": { schema: FeedbackInputSchema } } } },
  responses: {
    201: dataResponse("The tracking code and the answer deadline.", FeedbackCreatedSchema),
    422: errorResponse(
      "Invalid fields, the honeypot filled in, or no valid proof of work (`error.fields` by path).",
    ),
    429: errorResponse("Too many feedbacks from this address; `Retry-After` says when to try again."),
  },
});

const trackRoute = createRoute({
  method: "get",
  path: "/api/v1/feedback/{code}",
  operationId: "trackFeedback",
  ...access("public", "Anyone holding the code; nothing of the sender is returned."),
  tags: TAG,
  summary: "A feedback's state and the public answer, by its tracking code",
  request: { params: FeedbackCodeParamSchema },
  responses: {
    200: dataResponse("The feedback as the public sees it.", PublicFeedbackSchema),
    404: errorResponse("No feedback has this code."),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/feedback",
  operationId: "listFeedback",
  ...access(
    "read",
    "`feedback.handle` (unit_admin, leader, data_officer): only the queues of the caller's units.",
  ),
  tags: TAG,
  summary: "The feedback queue of the caller's wards, newest first",
  request: { query: FeedbackQuerySchema },
  responses: {
    ...errorResponses(401, 422),
    200: dataResponse("Feedbacks with their senders' details.", z.array(FeedbackRecordSchema)),
  },
});

const recordRoute = createRoute({
  method: "get",
  path: "/api/v1/feedback/{code}/record",
  operationId: "getFeedbackRecord",
  ...access("read", "`feedback.handle` on the feedback's ward (or a unit above it)."),
  tags: TAG,
  summary: "One feedback with its sender's details (the ward's officers)",
  request: { params: FeedbackCodeParamSchema },
  responses: { 200: dataResponse("The feedback.", FeedbackRecordSchema), ...common },
});

const handlingRoute = createRoute({
  method: "post",
  path: "/api/v1/feedback/{code}/handling",
  operationId: "handleFeedback",
  ...access("write", "`feedback.handle` on the feedback's ward. Audited."),
  tags: TAG,
  summary: "Set a feedback's state, handling organisation, answer and whether the answer is published",
  request: {
    params: FeedbackCodeParamSchema,
    body: { required: true, content: { "application/json": { schema: FeedbackHandlingSchema } } },
  },
  responses: {
    200: dataResponse("The feedback after the change.", FeedbackRecordSchema),
    ...common,
    422: errorResponse(
      "No answer for a closing state or a published answer, or an organisation of another unit.",
    ),
  },
});

const moderationRoute = createRoute({
  method: "post",
  path: "/api/v1/feedback/{code}/moderation",
  operationId: "moderateFeedback",
  ...access("write", "`feedback.moderate` (unit_admin, leader) on the feedback's ward. Audited."),
  tags: TAG,
  summary: "Hide a feedback, mark it spam, or show it again",
  request: {
    params: FeedbackCodeParamSchema,
    body: { required: true, content: { "application/json": { schema: FeedbackModerationSchema } } },
  },
  responses: {
    200: dataResponse("The feedback after the change.", FeedbackRecordSchema),
    ...common,
    ...errorResponses(422),
  },
});

/** Service field names as body paths (`place` → `body.place`), like the schema's own errors. */
async function withBodyPaths<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError || (error instanceof Error && "fields" in error && error.fields)) {
      const e = error as ValidationError;
      const fields = Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [`body.${k}`, v]));
      throw new ValidationError(fields, e.message);
    }
    throw error;
  }
}

export function registerFeedbackApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(challengeRoute, async (c) => {
    const secret = c.var.ctx.config.sessionSecret;
    if (!mayHandOutChallenge(secret, clientIp(c)))
      throw new TooManyRequestsError(
        "Quá nhiều yêu cầu xác minh từ địa chỉ này. Vui lòng thử lại sau ít phút.",
        600,
      );
    return c.json(await createPowChallenge(secret), 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid("json");
    const config = c.var.ctx.config;
    const code = await withBodyPaths(() =>
      submitFeedback(
        c.var.ctx.database.db,
        {
          unitId: body.unitId,
          topic: body.topic,
          place: body.place,
          text: body.text,
          senderName: body.senderName ?? "",
          senderContact: body.senderContact ?? "",
          wantsReply: body.wantsReply,
          consent: body.consent,
          honeypot: body.website,
          proof: { kind: "pow", payload: body.altcha },
          photos: body.photos.map((p) => ({ name: p.name, bytes: Buffer.from(p.data, "base64") })),
        },
        {
          dataDir: config.dataDir,
          sessionSecret: config.sessionSecret,
          now: c.var.ctx.now(),
          ip: clientIp(c),
        },
      ),
    );
    const tracked = await trackFeedback(c.var.ctx.database.db, code);
    const trackUrl = new URL(`/phan-anh/tra-cuu?ma=${code}`, config.publicBaseUrl).toString();
    return c.json({ data: { code, state: tracked.state, answerDue: tracked.answerDue, trackUrl } }, 201);
  });

  app.openapi(trackRoute, async (c) =>
    c.json({ data: await trackFeedback(c.var.ctx.database.db, c.req.valid("param").code) }, 200),
  );

  app.openapi(listRoute, async (c) => {
    const ctx = await actorOf(c);
    const q = c.req.valid("query");
    const rows = await searchFeedbacks(
      c.var.ctx.database.db,
      { unitId: q.unit, state: q.state, topic: q.topic, visibility: q.visibility },
      ctx,
    );
    return c.json({ data: rows.map((f) => presentRecord(f, ctx.today)) }, 200);
  });

  app.openapi(recordRoute, async (c) => {
    const ctx = await actorOf(c);
    const f = await getFeedbackFor(c.var.ctx.database.db, c.req.valid("param").code, ctx);
    return c.json({ data: presentRecord(f, ctx.today) }, 200);
  });

  app.openapi(handlingRoute, async (c) => {
    const ctx = await actorOf(c);
    const f = await withBodyPaths(() =>
      handleFeedback(c.var.ctx.database.db, c.req.valid("param").code, c.req.valid("json"), ctx),
    );
    return c.json({ data: presentRecord(f, todayOf(c)) }, 200);
  });

  app.openapi(moderationRoute, async (c) => {
    const ctx = await actorOf(c);
    const f = await moderateFeedback(
      c.var.ctx.database.db,
      c.req.valid("param").code,
      c.req.valid("json").visibility,
      ctx,
    );
    return c.json({ data: presentRecord(f, ctx.today) }, 200);
  });
}
