/**
 * Public pages of the document library: `/van-ban` (search by number and symbol, type, issuing body,
 * year), `/van-ban/{id}` with its schema.org description, its files, and the feeds of new documents.
 * Visitors see public documents only; those who manage a library also see its documents not yet public.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { renderAtom, renderRss } from "../core/feeds/feeds.xml.js";
import { actorOrAnonymousOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { requireId } from "../core/http/params.js";
import { type AppCtx, pageMeta } from "../core/http/request.js";
import { openDocumentFile } from "./document-files.service.js";
import { isDocumentType } from "./documents.model.js";
import { listNewPublicDocuments, publicFacets } from "./documents.repo.js";
import { documentHref, documentJsonLd } from "./documents.rules.js";
import {
  DOCUMENTS_PAGE_SIZE,
  type DocumentSearch,
  getDocumentFor,
  searchDocuments,
} from "./documents.service.js";
import { DocumentPage, LIBRARY_HREF, LibraryHead, LibraryPage } from "./documents-public.views.js";

const FEED_SIZE = 30;

/** The search in the address (`?q=&loai=&co-quan=&nam=&trang=`), with a message for a bad year. */
function searchOf(c: AppCtx): { search: DocumentSearch; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const q = (c.req.query("q") ?? "").trim().slice(0, 200);
  const type = c.req.query("loai") ?? "";
  const body = (c.req.query("co-quan") ?? "").slice(0, 300);
  const yearText = (c.req.query("nam") ?? "").trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (yearText && year === undefined) errors.year = "Năm ban hành phải là 4 chữ số, ví dụ 2020.";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query("trang") ?? "1", 10) || 1));
  return {
    search: {
      ...(q ? { q } : {}),
      ...(isDocumentType(type) ? { type } : {}),
      ...(body ? { body } : {}),
      ...(year !== undefined ? { year } : {}),
      page,
    },
    errors,
  };
}

async function feed(c: AppCtx, format: "rss" | "atom") {
  const { database, config, now } = c.var.ctx;
  const documents = await listNewPublicDocuments(database.db, FEED_SIZE);
  const absolute = (path: string) => new URL(path, config.publicBaseUrl).toString();
  const info = {
    title: `Văn bản mới | ${config.siteName}`,
    pageUrl: absolute(LIBRARY_HREF),
    selfUrl: absolute(c.req.path),
    description: `Văn bản chỉ đạo, điều hành mới công bố trên ${config.siteName}`,
    updatedAt: documents.reduce(
      (max, d) => (d.updatedAt > max ? d.updatedAt : max),
      documents[0]?.createdAt ?? now().toISOString(),
    ),
  };
  const items = documents.map((d) => ({
    title: `${d.number}: ${d.title}`,
    url: absolute(documentHref(d.id)),
    publishedAt: d.createdAt,
    updatedAt: d.updatedAt,
    summary: `${d.issuingBody}, ban hành ngày ${d.issuedOn.split("-").reverse().join("/")}. ${d.title}`,
    category: null,
    author: d.issuingBody,
  }));
  c.header("Cache-Control", "public, max-age=300");
  return format === "rss"
    ? c.body(renderRss(info, items), 200, { "Content-Type": "application/rss+xml; charset=utf-8" })
    : c.body(renderAtom(info, items), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
}

export function registerPublicDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/van-ban/rss.xml", (c) => feed(c, "rss"));
  app.get("/van-ban/atom.xml", (c) => feed(c, "atom"));

  app.get(LIBRARY_HREF, async (c) => {
    const db = c.var.ctx.database.db;
    const { search, errors } = searchOf(c);
    const [{ rows, total }, facets] = await Promise.all([
      searchDocuments(db, search, "public"),
      publicFacets(db),
    ]);
    const meta = pageMeta(c, search.q ? `Tìm văn bản “${search.q}”` : "Văn bản chỉ đạo, điều hành", {
      description: "Tra cứu văn bản theo số, ký hiệu, loại, cơ quan ban hành và năm; tải tệp PDF, Word.",
      head: <LibraryHead />,
    });
    return c.html(
      <LibraryPage
        meta={meta}
        search={search}
        rows={rows}
        total={total}
        pageSize={DOCUMENTS_PAGE_SIZE}
        facets={facets}
        errors={errors}
      />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );
  });

  app.get("/van-ban/:id", async (c) => {
    const ctx = await actorOrAnonymousOf(c);
    const d = await getDocumentFor(
      c.var.ctx.database.db,
      requireId(c.req.param("id"), "Không tìm thấy văn bản này."),
      ctx,
    );
    const meta = pageMeta(c, `${d.number}: ${d.title}`, {
      description: `${d.issuingBody}, ${d.number}: ${d.title}`,
      head: (
        <>
          <LibraryHead />
          <link
            rel="canonical"
            href={new URL(documentHref(d.id), c.var.ctx.config.publicBaseUrl).toString()}
          />
        </>
      ),
    });
    return c.html(
      <DocumentPage meta={meta} document={d} jsonLd={documentJsonLd(d, c.var.ctx.config.publicBaseUrl)} />,
    );
  });

  app.get("/van-ban/:id/tep/:fileId", async (c) => {
    const ctx = await actorOrAnonymousOf(c);
    return openDocumentFile(
      c.var.ctx.database.db,
      c.var.ctx.config.dataDir,
      {
        documentId: requireId(c.req.param("id"), "Không tìm thấy văn bản này."),
        fileId: requireId(c.req.param("fileId"), "Không tìm thấy tệp này."),
      },
      ctx,
    );
  });
}
