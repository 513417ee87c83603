/**
 * Publishing a conclusion notice on the portal (`PUT`/`DELETE /api/v1/conclusions/{id}/publication`)
 * and reading a published one as anyone does (`GET /api/v1/public/conclusions/{id}`).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  errorResponses,
  IdParamSchema,
  idSchema,
  recordErrors,
} from "../../core/http/api.schema.js";
import type { AppEnv } from "../../core/http/env.js";
import type { Publication } from "./public-notices.repo.js";
import {
  PARTY_WARNING,
  publicNoticeHref,
  publishNotice,
  readPublicNotice,
  withdrawNotice,
} from "./public-notices.service.js";
import { PUBLIC_STATES } from "./public-state.rules.js";

const TAG = ["Buổi làm việc, kết luận"];

const PublicationInputSchema = z
  .object({
    itemIds: z.array(idSchema).max(500).nullable().optional().openapi({
      description: "The items readers see; omitted or null: every item of the notice.",
    }),
    showReports: z.boolean().default(true).openapi({
      description: "Show the public part of the progress reports (reports their authors marked public).",
    }),
    confirmParty: z
      .boolean()
      .default(false)
      .openapi({
        description: `A Party organisation's notice stays internal unless this is true (422 otherwise): "${PARTY_WARNING}"`,
      }),
  })
  .openapi("NoticePublicationInput");

const PublicationOutSchema = z
  .object({
    noticeId: z.number().int(),
    href: z.string().openapi({ example: "/ket-luan/1" }),
    showReports: z.boolean(),
    itemIds: z.array(z.number().int()),
    publishedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("NoticePublication");

const SummarySchema = z.object({
  items: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  overdue: z.number().int(),
  inProgress: z.number().int(),
  other: z.number().int(),
});

const PublicNoticeSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    issuedOn: z.string(),
    issuingBody: z.string(),
    title: z.string(),
    session: z
      .object({ id: z.number().int(), title: z.string(), startsAt: z.string(), place: z.string() })
      .nullable(),
    publishedAt: z.string(),
    summary: SummarySchema,
    items: z.array(
      z.object({
        id: z.number().int(),
        number: z.string(),
        depth: z.number().int(),
        text: z.string(),
        leads: z.array(z.string()),
        deadlines: z.array(z.string()),
        state: z.enum(PUBLIC_STATES),
        stateText: z.string().openapi({ example: "Đã hoàn thành đúng hạn" }),
        progressPercent: z.number().int().nullable(),
        reports: z.array(
          z.object({
            at: z.string(),
            percent: z.number().int().nullable(),
            text: z.string(),
            kind: z.enum(["progress", "completion"]),
          }),
        ),
      }),
    ),
  })
  .openapi("PublicNotice");

const OWNER = "`directive.assign` (unit_admin or leader) on the notice's issuing unit: the notice's owner.";

const putRoute = createRoute({
  method: "put",
  path: "/api/v1/conclusions/{id}/publication",
  operationId: "publishConclusion",
  ...access(
    "write",
    OWNER,
    "Publishes the notice at `/ket-luan/{id}` (or changes what a published one shows): the items chosen, each with its lead unit, deadline, state in plain words and, if chosen, the public part of its progress reports. Audited.",
  ),
  tags: TAG,
  summary: "Publish a conclusion notice on the portal, or change what it shows",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: PublicationInputSchema } } },
  },
  responses: {
    200: dataResponse("The publication.", PublicationOutSchema),
    ...recordErrors("conclusion notice"),
    ...errorResponses(409),
    422: errorResponse("An item of another notice, no item, or a Party notice without `confirmParty`."),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/api/v1/conclusions/{id}/publication",
  operationId: "withdrawConclusion",
  ...access(
    "write",
    OWNER,
    "Withdraws the notice from the portal: `/ket-luan/{id}` answers 404 again. Audited.",
  ),
  tags: TAG,
  summary: "Withdraw a published conclusion notice",
  request: { params: IdParamSchema },
  responses: {
    204: { description: "Withdrawn." },
    ...recordErrors("conclusion notice"),
    ...errorResponses(422),
    409: errorResponse("The notice is not published."),
  },
});

const publicRoute = createRoute({
  method: "get",
  path: "/api/v1/public/conclusions/{id}",
  operationId: "getPublicConclusion",
  ...access("public", "Anyone; only published notices."),
  tags: TAG,
  summary: "A published conclusion notice with each item's state, as `/ket-luan/{id}` shows it",
  request: { params: IdParamSchema },
  responses: {
    200: dataResponse("The published notice.", PublicNoticeSchema),
    404: errorResponse("No such notice, or not published."),
    ...errorResponses(422),
  },
});

function present(p: Publication) {
  return {
    noticeId: p.noticeId,
    href: publicNoticeHref(p.noticeId),
    showReports: p.showReports,
    itemIds: p.itemIds,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
  };
}

export function registerPublicNoticeApi(app: OpenAPIHono<AppEnv>): void {
  app.openapi(putRoute, async (c) => {
    const ctx = await actorOf(c);
    const body = c.req.valid("json");
    const p = await publishNotice(
      c.var.ctx.database.db,
      c.req.valid("param").id,
      { itemIds: body.itemIds ?? null, showReports: body.showReports, confirmParty: body.confirmParty },
      ctx,
    );
    return c.json({ data: present(p) }, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const ctx = await actorOf(c);
    await withdrawNotice(c.var.ctx.database.db, c.req.valid("param").id, ctx);
    return c.body(null, 204);
  });

  app.openapi(publicRoute, async (c) => {
    const notice = await readPublicNotice(c.var.ctx.database.db, c.req.valid("param").id, c.var.ctx.now());
    const { session, ...rest } = notice;
    return c.json(
      {
        data: {
          ...rest,
          session: session
            ? { id: session.id, title: session.title, startsAt: session.startsAt, place: session.place }
            : null,
        },
      },
      200,
    );
  });
}
