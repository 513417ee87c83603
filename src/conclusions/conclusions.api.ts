/** `/api/v1/conclusions…`: the conclusion reader, notices saved with the directives made from them, and their Word file. */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Hierarchy } from "../core/access/hierarchy.rules.js";
import { vnDateString } from "../core/format/vi-date.js";
import { actorOf } from "../core/http/actor.js";
import {
  access,
  dataResponse,
  errorResponse,
  errorResponses,
  IdParamSchema,
  recordErrors,
} from "../core/http/api.schema.js";
import type { AppEnv } from "../core/http/env.js";
import type { AppCtx } from "../core/http/request.js";
import type { DirectiveRecord } from "../directives/directives.model.js";
import { presentDirective } from "../directives/directives-present.js";
import type { SessionDetail } from "../sessions/sessions.model.js";
import { getSessionFor } from "../sessions/sessions.service.js";
import type { NoticeRecord } from "./conclusions.repo.js";
import {
  NoticeEditSchema,
  NoticeInputSchema,
  NoticeOutSchema,
  ParseInputSchema,
  ParseOutputSchema,
} from "./conclusions.schema.js";
import { editNotice, getNoticeFor, saveNotice } from "./conclusions.service.js";
import { PARSE_UPLOAD_CONTENT, registerParseUpload } from "./import/notice-upload.api.js";
import { readConclusionText } from "./reader/reader.service.js";

// One tag with the sessions' routes: readers of the API documentation find a session and its
// conclusions together.
const common = recordErrors();

const TAG = ["Buổi làm việc, kết luận"];
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const parseRoute = createRoute({
  method: "post",
  path: "/api/v1/conclusions/parse",
  operationId: "parseConclusion",
  ...access(
    "write",
    "Signed-in users who may assign directives (`directive.assign`: unit_admin, leader).",
    'Reads a conclusion notice, directive, plan, official letter or news article into a tree of items: sections ("I."), items ("1.", "1.1.", "Một là", "Thứ nhất"), sub-items ("a)", "(1)", dashes) and tasks written as prose ("Giao Sở X chủ trì …; hoàn thành trước ngày …"), each with its path ("II.2.a"), kind, area, lead and coordinating parties (as written, resolved against the units and organisations that existed on the notice\'s date, with candidates when several match; a lead-in\'s party and deadline pass to the items under it) and deadline phrase ("trước ngày 30/6/2020", "trong quý III năm 2020", "ngay sau khi kết thúc Đại hội", "thường xuyên"). The header, addressees, legal basis, quoted law, agenda lists, photo captions and "Nơi nhận" are left out. The date is the one given, else the session\'s, else the one the text states, else today. A person reviews and corrects before saving.',
  ),
  tags: TAG,
  summary: "Read a conclusion notice or news article and propose its items (nothing is saved)",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: ParseInputSchema }, ...PARSE_UPLOAD_CONTENT },
    },
  },
  responses: {
    200: dataResponse("Proposed items.", ParseOutputSchema),
    ...common,
    422: errorResponse("Empty text; a file that is not a .docx or PDF, too large, unreadable or scanned."),
  },
});

const noticeCreateRoute = createRoute({
  method: "post",
  path: "/api/v1/conclusions",
  operationId: "createConclusion",
  ...access("write", "`directive.assign`: unit_admin or leader of the issuing unit."),
  tags: TAG,
  summary: "Save a conclusion notice with its items and the directives made from them (all or nothing)",
  request: { body: { required: true, content: { "application/json": { schema: NoticeInputSchema } } } },
  responses: {
    201: dataResponse("The notice.", NoticeOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

const noticePutRoute = createRoute({
  method: "put",
  path: "/api/v1/conclusions/{id}",
  operationId: "updateConclusion",
  ...access("write", "`directive.assign`: unit_admin or leader of the issuing unit."),
  tags: TAG,
  summary: "Correct a conclusion notice's header and items (directives made from them follow)",
  request: {
    params: IdParamSchema,
    body: { required: true, content: { "application/json": { schema: NoticeEditSchema } } },
  },
  responses: {
    ...errorResponses(409),
    200: dataResponse("The notice.", NoticeOutSchema),
    ...common,
    422: errorResponse("Invalid fields."),
  },
});

const noticeGetRoute = createRoute({
  method: "get",
  path: "/api/v1/conclusions/{id}",
  operationId: "getConclusion",
  ...access(
    "read",
    "`session.read` (`admin.enter`: any role on the unit or an ancestor) on the issuing unit.",
  ),
  tags: TAG,
  summary: "A conclusion notice with its items and their directives (Word: /api/v1/conclusions/{id}/docx)",
  request: { params: IdParamSchema },
  responses: {
    ...errorResponses(422),
    200: dataResponse("The notice.", NoticeOutSchema),
    ...common,
  },
});

const docxRoute = createRoute({
  method: "get",
  path: "/api/v1/conclusions/{id}/docx",
  operationId: "getConclusionDocx",
  ...access(
    "read",
    "`session.read` (`admin.enter`: any role on the unit or an ancestor) on the issuing unit.",
  ),
  tags: TAG,
  summary:
    "The notice as a Word document in its issuer's form (Party: HD 36-HD/VPTW; State: NĐ 30/2020/NĐ-CP)",
  request: { params: IdParamSchema },
  responses: {
    ...errorResponses(422),
    200: {
      description: "A .docx file.",
      content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...common,
  },
});

async function noticeOut(c: AppCtx, id: number) {
  const ctx = await actorOf(c);
  const { notice, directives } = await getNoticeFor(c.var.ctx.database.db, id, ctx);
  return {
    id: notice.id,
    sessionId: notice.sessionId,
    number: notice.number,
    issuedOn: notice.issuedOn,
    issuingUnitId: notice.issuingUnitId,
    issuingBody: notice.issuingBody,
    title: notice.title,
    signerName: notice.signerName,
    signerTitle: notice.signerTitle,
    items: notice.items.map((item) => ({
      ...item,
      directives: directives.filter((d) => d.itemId === item.id).map((d) => presentDirective(d, ctx.now)),
    })),
  };
}

/**
 * The reader's tree for a text: posted as JSON, or read from an uploaded file (multipart). Names are
 * resolved as of the given date, else the session's, else one found in the text, else today.
 */
async function parseFor(c: AppCtx, body: z.infer<typeof ParseInputSchema>) {
  const ctx = await actorOf(c);
  const session = body.sessionId ? await getSessionFor(c.var.ctx.database.db, body.sessionId, ctx) : null;
  return readConclusionText(c.var.ctx.database.db, body.text, {
    date: body.date ?? (session ? vnDateString(session.startsAt) : null),
    today: ctx.today,
    contextUnitIds: contextUnits(ctx.hierarchy, ctx.today, session),
  });
}

export function registerConclusionApi(app: OpenAPIHono<AppEnv>): void {
  registerParseUpload(app, async (c, body) => c.json({ data: await parseFor(c, body) }, 200));
  app.openapi(parseRoute, async (c) => {
    // Typed as never once the route also documents a multipart body (a plain schema, read by
    // notice-upload.api.ts before this handler): what reaches here is the validated JSON.
    const body: z.infer<typeof ParseInputSchema> = c.req.valid("json" as never);
    return c.json({ data: await parseFor(c, body) }, 200);
  });

  app.openapi(noticeCreateRoute, async (c) => {
    const ctx = await actorOf(c);
    const id = await saveNotice(c.var.ctx.database.db, c.req.valid("json"), ctx);
    return c.json({ data: await noticeOut(c, id) }, 201);
  });

  app.openapi(noticePutRoute, async (c) => {
    const ctx = await actorOf(c);
    const id = c.req.valid("param").id;
    await editNotice(c.var.ctx.database.db, id, c.req.valid("json"), ctx);
    return c.json({ data: await noticeOut(c, id) }, 200);
  });

  app.openapi(noticeGetRoute, async (c) =>
    c.json({ data: await noticeOut(c, c.req.valid("param").id) }, 200),
  );

  app.openapi(docxRoute, async (c) => {
    const ctx = await actorOf(c);
    const { notice, directives } = await getNoticeFor(c.var.ctx.database.db, c.req.valid("param").id, ctx);
    return docxResponse(notice, directives);
  });
}

/** Sends a notice as a .docx download named after its number ("Thong-bao-136-TB-QU.docx"). */
export async function docxResponse(notice: NoticeRecord, directives: DirectiveRecord[]): Promise<Response> {
  // The Word writer (the `docx` package) is loaded on the first export, not with every page.
  const { noticeToDocx } = await import("./conclusion.docx.js");
  const bytes = await noticeToDocx(notice, directives);
  const ascii = `Thong-bao-${notice.number
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^A-Za-z0-9]+/g, "-")}.docx`;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": DOCX_TYPE,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`Thông báo ${notice.number}.docx`)}`,
    },
  });
}

/** The host, the visiting unit and the host's parent: whose short names ("phường", "quận") a text uses. */
export function contextUnits(
  hierarchy: Hierarchy,
  today: string,
  session: Pick<SessionDetail, "host" | "visiting"> | null,
): number[] {
  if (!session) return [];
  const parent = hierarchy.pathForToday(session.host.id, today)[1];
  return [
    ...new Set(
      [session.host.id, session.visiting?.id, parent].filter((x): x is number => typeof x === "number"),
    ),
  ];
}
