import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../src/core/db/schema.js";
import { rebuildSearchIndex } from "../../src/portal/search/search-index.service.js";

type ArticleRow = Insertable<DB["articles"]>;

/** A published article of `unitId`, no category, written and published at `publishedAt`. */
export function publishedArticle(
  unitId: number,
  a: { slug: string; title: string; bodyHtml: string; publishedAt: string },
): ArticleRow {
  return {
    slug: a.slug,
    title: a.title,
    lead: null,
    body_html: a.bodyHtml,
    status: "published",
    published_at: a.publishedAt,
    author_id: null,
    unit_id: unitId,
    category_id: null,
    views: 0,
    created_at: a.publishedAt,
    updated_at: a.publishedAt,
  };
}

/** Inserts the articles, 200 a statement, and rebuilds the search index, in one transaction. */
export async function insertAndIndex(db: Kysely<DB>, rows: ArticleRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto("articles")
        .values(rows.slice(i, i + 200))
        .execute();
    await rebuildSearchIndex(trx);
  });
}
