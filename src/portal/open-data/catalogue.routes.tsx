/**
 * `/du-lieu-mo`: the open-data catalogue of the datasets the rooms add (core/open-data/catalogue.extension.ts),
 * its DCAT description at `/du-lieu-mo/catalog.jsonld`, and each dataset's files at
 * `/du-lieu-mo/tap-du-lieu/{key}.csv|json|xlsx`. Public, the same for everyone.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";
import { NotFoundError } from "../../core/http/errors.js";
import { type AppCtx, pageMeta } from "../../core/http/request.js";
import type { CatalogueDataset, OpenDataExtensions } from "../../core/open-data/catalogue.extension.js";
import { datasetCsv } from "../../core/open-data/dataset.csv.js";
import { datasetXlsx } from "../../core/open-data/dataset.xlsx.js";
import { CataloguePage } from "./catalogue.views.js";
import {
  CATALOGUE_HREF,
  CATALOGUE_JSONLD_HREF,
  type CatalogueEntry,
  catalogueJsonLd,
  LICENCE,
} from "./catalogue-dcat.rules.js";

async function loadAll(c: AppCtx, datasets: readonly CatalogueDataset[]) {
  const { database, now } = c.var.ctx;
  return Promise.all(
    datasets.map(async (dataset) => {
      const table = await dataset.load(database.db, now());
      const entry: CatalogueEntry = { dataset, modified: table.modified, rows: table.rows.length };
      return { entry, table };
    }),
  );
}

function site(c: AppCtx) {
  return { name: c.var.ctx.config.siteName, baseUrl: c.var.ctx.config.publicBaseUrl };
}

export function registerCatalogueRoutes(app: OpenAPIHono<AppEnv>, extensions: OpenDataExtensions): void {
  // Before `/du-lieu-mo/:unitId` (a unit's open data), which would take these addresses for a unit id.
  app.get(CATALOGUE_JSONLD_HREF, async (c) => {
    const loaded = await loadAll(c, extensions.datasets);
    c.header("Cache-Control", "public, max-age=300");
    return c.body(
      JSON.stringify(
        catalogueJsonLd(
          loaded.map((l) => l.entry),
          site(c),
        ),
        null,
        2,
      ),
      200,
      { "Content-Type": "application/ld+json; charset=utf-8" },
    );
  });

  app.get(`${CATALOGUE_HREF}/tap-du-lieu/:file`, async (c) => {
    const m = /^([a-z0-9-]+)\.(csv|json|xlsx)$/.exec(c.req.param("file"));
    const dataset = m ? extensions.datasets.find((d) => d.key === m[1]) : undefined;
    if (!m || !dataset) throw new NotFoundError("Không có bộ dữ liệu này.");
    const table = await dataset.load(c.var.ctx.database.db, c.var.ctx.now());
    c.header("Content-Disposition", `attachment; filename="${dataset.key}.${m[2]}"`);
    if (m[2] === "csv") return c.body(datasetCsv(table), 200, { "Content-Type": "text/csv; charset=utf-8" });
    if (m[2] === "xlsx") {
      const bytes = await datasetXlsx(dataset.title, table, `${LICENCE.name}: ${LICENCE.url}`);
      return c.body(new Uint8Array(bytes), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    }
    return c.json({
      dataset: {
        key: dataset.key,
        title: dataset.title,
        publisher: c.var.ctx.config.siteName,
        licence: LICENCE.url,
        modified: table.modified,
      },
      columns: table.columns.map((col) => ({ key: col.key, label: col.label })),
      data: table.rows,
    });
  });

  app.get(CATALOGUE_HREF, async (c) => {
    const loaded = await loadAll(c, extensions.datasets);
    const meta = pageMeta(c, "Dữ liệu mở", {
      description:
        "Danh mục dữ liệu mở: kết quả thực hiện chỉ tiêu, tiến độ nhiệm vụ, văn bản; tải về CSV, JSON, XLSX.",
      head: (
        <>
          <link rel="stylesheet" href="/static/library.css" />
          <link rel="alternate" type="application/ld+json" href={CATALOGUE_JSONLD_HREF} />
        </>
      ),
    });
    return c.html(
      <CataloguePage
        meta={meta}
        publisher={c.var.ctx.config.siteName}
        entries={loaded}
        jsonLd={catalogueJsonLd(
          loaded.map((l) => l.entry),
          site(c),
        )}
      />,
    );
  });
}
