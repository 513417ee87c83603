/**
 * `/ket-luan/{id}` (anyone) and `/quan-tri/thong-bao-ket-luan/{id}/cong-khai` (the notice's owner).
 * The public page is rendered for each visit, never from the page cache: a directive's progress or
 * confirmation shows at once, and the overdue count changes at midnight without anyone acting.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { formText, formTexts, requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import {
  type PublicationFormValues,
  PublicationPage,
  PublicNoticePage,
  publicationHref,
} from "./public-notice.views.js";
import type { Publication } from "./public-notices.repo.js";
import {
  getPublicationFor,
  PARTY_WARNING,
  publishNotice,
  readPublicNotice,
  withdrawNotice,
} from "./public-notices.service.js";

const noticeIdOf = (c: AppCtx) => requireId(c.req.param("id"), "Không tìm thấy thông báo này.");

const MESSAGES: Record<string, string> = {
  "cong-khai": "Đã công khai thông báo trên cổng thông tin.",
  "thoi-cong-khai": "Đã thôi công khai thông báo.",
};

async function renderPublication(
  c: AppCtx,
  noticeId: number,
  values?: PublicationFormValues,
  errors?: Record<string, string>,
) {
  const ctx = await actorOf(c);
  const { notice, publication, party } = await getPublicationFor(c.var.ctx.database.db, noticeId, ctx);
  return c.html(
    <PublicationPage
      meta={pageMeta(c, `Công khai thông báo ${notice.number}`)}
      notice={notice}
      publication={publication}
      party={party}
      partyWarning={PARTY_WARNING}
      values={values ?? defaultValues(notice.items, publication)}
      errors={errors}
      message={MESSAGES[c.req.query("ok") ?? ""]}
    />,
    errors ? 422 : 200,
  );
}

/** Before the first publication every item is ticked and reports show; afterwards, what was chosen. */
function defaultValues(items: { id: number }[], publication: Publication | null): PublicationFormValues {
  return {
    itemIds: new Set(publication ? publication.itemIds : items.map((i) => i.id)),
    showReports: publication ? publication.showReports : true,
    confirmParty: publication !== null,
  };
}

export function registerPublicNoticeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/ket-luan/:id", async (c) => {
    const { database, now } = c.var.ctx;
    const at = now();
    const notice = await readPublicNotice(database.db, noticeIdOf(c), at);
    const meta = pageMeta(c, `Theo dõi thực hiện kết luận: Thông báo ${notice.number}`, {
      description: `${notice.title}. Tình hình thực hiện từng nội dung kết luận.`,
    });
    return c.html(<PublicNoticePage meta={meta} notice={notice} now={at} />);
  });

  app.get(`/quan-tri/thong-bao-ket-luan/:id/cong-khai`, (c) => renderPublication(c, noticeIdOf(c)));

  app.post(`/quan-tri/thong-bao-ket-luan/:id/cong-khai`, async (c) => {
    const id = noticeIdOf(c);
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const body = await c.req.parseBody({ all: true });
    if (formText(body, "_action") === "withdraw") {
      await withdrawNotice(db, id, ctx);
      return c.redirect(`${publicationHref(id)}?ok=thoi-cong-khai`, 303);
    }
    const values: PublicationFormValues = {
      itemIds: new Set(formTexts(body, "itemIds").map(Number).filter(Number.isSafeInteger)),
      showReports: formText(body, "showReports") === "1",
      confirmParty: formText(body, "confirmParty") === "1",
    };
    try {
      await publishNotice(
        db,
        id,
        { itemIds: [...values.itemIds], showReports: values.showReports, confirmParty: values.confirmParty },
        ctx,
      );
    } catch (error) {
      if (error instanceof ValidationError && error.fields) {
        const fields = Object.fromEntries(
          Object.entries(error.fields).map(([k, v]) => [k.startsWith("itemIds") ? "itemIds" : k, v]),
        );
        return renderPublication(c, id, values, fields);
      }
      throw error;
    }
    return c.redirect(`${publicationHref(id)}?ok=cong-khai`, 303);
  });
}
