import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { formatDateVi } from "../../core/format/vi-date.js";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { requireId } from "../../core/http/params.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { canOnArticle } from "../articles/article-access.js";
import { sessionTitles } from "../articles/article-links.repo.js";
import { articleStoreOf } from "../articles/article-store.js";
import { editHref } from "./article-review.views.js";
import { listCategories } from "./categories.repo.js";
import { listUnitNames } from "./editor.repo.js";
import { editorOf } from "./editor-request.js";
import { compareRevisions, type NameLookup } from "./revision-compare.rules.js";
import type { RevisionContent } from "./revisions.repo.js";
import { getRevisionPair, listArticleRevisions, restoreRevision } from "./revisions.service.js";
import { RevisionListPage, RevisionPage } from "./revisions.views.js";

/** `/quan-tri/bai-viet/<id>/lich-su`: the history, one revision's changes, and restoring it. */

function parseNumber(raw: string): number {
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new NotFoundError("Không tìm thấy phiên bản này của bài viết.");
  return Number(raw);
}

/** Names for every category, unit and session the compared revisions mention. */
async function namesFor(db: Kysely<DB>, contents: RevisionContent[]): Promise<NameLookup> {
  const unitIds = [...new Set(contents.flatMap((c) => [c.fields.unitId, ...c.fields.linkedUnitIds]))];
  const sessionIds = [...new Set(contents.flatMap((c) => c.fields.sessionIds))];
  const [categories, units, sessions] = await Promise.all([
    listCategories(db),
    listUnitNames(db, unitIds),
    sessionTitles(db, sessionIds),
  ]);
  const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
  const unitNames = new Map(units.map((u) => [u.id, unitDisplayName(u)]));
  return {
    category: (id) => categoryNames.get(id) ?? `Chuyên mục đã xóa (#${id})`,
    unit: (id) => unitNames.get(id) ?? `Đơn vị #${id}`,
    session: (id) => {
      const s = sessions.get(id);
      return s ? `${s.title} (${formatDateVi(s.startsAt)})` : `Buổi làm việc đã xóa (#${id})`;
    },
  };
}

export function registerRevisionRoutes(app: OpenAPIHono<AppEnv>): void {
  const base = "/quan-tri/bai-viet/:id{[0-9]+}/lich-su";

  app.get(base, async (c: AppCtx) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id") ?? "", "Không tìm thấy bài viết.");
    const { state, revisions } = await listArticleRevisions(c.var.ctx.database.db, caller, id);
    return c.html(
      <RevisionListPage
        meta={pageMeta(c, `Lịch sử sửa đổi: ${state.article.title}`)}
        article={state.article}
        revisions={revisions}
        canRestore={canOnArticle(caller, "article.update", state.article)}
        canEdit={canOnArticle(caller, "article.update", state.article)}
        notice={
          c.req.query("ok") === "restored" ? "Đã khôi phục phiên bản cũ thành một phiên bản mới." : null
        }
      />,
    );
  });

  app.get(`${base}/:number{[0-9]+}`, async (c: AppCtx) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id") ?? "", "Không tìm thấy bài viết.");
    const db = c.var.ctx.database.db;
    const { state, revision, previous } = await getRevisionPair(
      db,
      caller,
      id,
      parseNumber(c.req.param("number") ?? ""),
    );
    const names = await namesFor(db, previous ? [previous, revision] : [revision]);
    const { revisions } = await listArticleRevisions(db, caller, id);
    return c.html(
      <RevisionPage
        meta={pageMeta(c, `Phiên bản ${revision.number}: ${state.article.title}`)}
        article={state.article}
        revision={revision}
        previousNumber={previous?.number ?? null}
        isNewest={revisions[0]?.number === revision.number}
        comparison={compareRevisions(previous, revision, names)}
        canRestore={canOnArticle(caller, "article.update", state.article)}
      />,
    );
  });

  app.post(`${base}/:number{[0-9]+}/khoi-phuc`, async (c: AppCtx) => {
    const caller = await editorOf(c);
    const id = requireId(c.req.param("id") ?? "", "Không tìm thấy bài viết.");
    await restoreRevision(articleStoreOf(c), caller, id, parseNumber(c.req.param("number") ?? ""));
    return c.redirect(`${editHref(id)}?ok=restored`, 303);
  });
}
