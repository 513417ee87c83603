import { type Kysely, PostgresIntrospector, sql } from "kysely";
import type { DialectName } from "../core/db/dialect.js";
import type { DB } from "../core/db/schema.js";
import { READER_VISIBLE_STATUSES } from "./article-workflow.rules.js";
import { htmlToText, type IndexStreams, indexStreams, tsvectorLiteral } from "./search.text.js";

/**
 * Keeps the search index in step with the articles. Only articles in a reader-visible status
 * ("published", "scheduled": whether their time has come is checked per query) are indexed, so a
 * draft, a submitted or an unpublished article can never show up in search results.
 *
 * Contract for code that writes articles: call `reindexArticle(trx, id)` in the same transaction as
 * every change that can alter what readers find — create, edit of title/lead/body/photo captions,
 * status or publish time, unit or category change, and delete (it then removes the entry).
 */

/** The engine behind a Kysely instance or transaction (public API only: the introspector's class). */
export function engineOf(db: Kysely<DB>): DialectName {
  return db.introspection instanceof PostgresIntrospector ? "postgres" : "sqlite";
}

interface SourceArticle {
  id: number;
  title: string;
  lead: string | null;
  body_html: string;
  published_at: string | null;
  unit_id: number;
  category_id: number | null;
}

/** What readers see of an article, as the two indexed fields. */
function fieldsOf(article: SourceArticle, captions: string[]): { title: string; body: string } {
  return {
    title: article.title,
    body: [article.lead ?? "", htmlToText(article.body_html), ...captions].join("\n"),
  };
}

/** Photo captions of these articles, in display order: readers see them, so search finds them. */
export async function captionsOfArticles(
  db: Kysely<DB>,
  articleIds: number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom("article_images")
    .select(["article_id", "caption"])
    .where("article_id", "in", articleIds)
    .orderBy("article_id")
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const list = out.get(row.article_id);
    if (list) list.push(row.caption);
    else out.set(row.article_id, [row.caption]);
  }
  return out;
}

function isIndexed(status: string): boolean {
  return (READER_VISIBLE_STATUSES as readonly string[]).includes(status);
}

async function removeEntry(db: Kysely<DB>, engine: DialectName, articleId: number): Promise<void> {
  await db.deleteFrom("search_documents").where("article_id", "=", articleId).execute();
  if (engine === "sqlite") await sql`DELETE FROM article_search WHERE rowid = ${articleId}`.execute(db);
}

async function writeEntry(
  db: Kysely<DB>,
  engine: DialectName,
  article: SourceArticle & { published_at: string },
  streams: IndexStreams,
  at: string,
): Promise<void> {
  const { title, body } = streams;
  if (engine === "postgres") {
    const folded = tsvectorLiteral(title.folded, body.folded);
    const exact = tsvectorLiteral(title.exact, body.exact);
    await sql`
      INSERT INTO search_documents (article_id, published_at, unit_id, category_id, indexed_at, folded_tsv, exact_tsv)
      VALUES (${article.id}, ${article.published_at}, ${article.unit_id}, ${article.category_id}, ${at},
              ${folded}::tsvector, ${exact}::tsvector)
      ON CONFLICT (article_id) DO UPDATE SET
        published_at = excluded.published_at, unit_id = excluded.unit_id, category_id = excluded.category_id,
        indexed_at = excluded.indexed_at, folded_tsv = excluded.folded_tsv, exact_tsv = excluded.exact_tsv
    `.execute(db);
    return;
  }
  await db
    .insertInto("search_documents")
    .values({
      article_id: article.id,
      published_at: article.published_at,
      unit_id: article.unit_id,
      category_id: article.category_id,
      indexed_at: at,
    })
    .onConflict((oc) =>
      oc.column("article_id").doUpdateSet((eb) => ({
        published_at: eb.ref("excluded.published_at"),
        unit_id: eb.ref("excluded.unit_id"),
        category_id: eb.ref("excluded.category_id"),
        indexed_at: eb.ref("excluded.indexed_at"),
      })),
    )
    .execute();
  await sql`DELETE FROM article_search WHERE rowid = ${article.id}`.execute(db);
  await sql`
    INSERT INTO article_search (rowid, title_f, body_f, title_x, body_x)
    VALUES (${article.id}, ${title.folded.join(" ")}, ${body.folded.join(" ")},
            ${title.exact.join(" ")}, ${body.exact.join(" ")})
  `.execute(db);
}

function selectSource(db: Kysely<DB>) {
  return db
    .selectFrom("articles")
    .select(["id", "title", "lead", "body_html", "status", "published_at", "unit_id", "category_id"]);
}

async function indexRows(
  db: Kysely<DB>,
  engine: DialectName,
  rows: (SourceArticle & { status: string })[],
  at: string,
): Promise<number> {
  const captions = await captionsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  let written = 0;
  for (const row of rows) {
    if (!isIndexed(row.status) || row.published_at === null) {
      await removeEntry(db, engine, row.id);
      continue;
    }
    const streams = indexStreams(fieldsOf(row, captions.get(row.id) ?? []));
    await writeEntry(db, engine, { ...row, published_at: row.published_at }, streams, at);
    written++;
  }
  return written;
}

/**
 * Brings one article's index entry up to date: writes it for a published (or scheduled) article,
 * removes it for any other status and for a deleted article. Idempotent; run it inside the
 * transaction that changed the article so the index never disagrees with what was committed.
 */
export async function reindexArticle(db: Kysely<DB>, articleId: number): Promise<void> {
  const engine = engineOf(db);
  const row = await selectSource(db).where("id", "=", articleId).executeTakeFirst();
  if (!row) {
    await removeEntry(db, engine, articleId);
    return;
  }
  await indexRows(db, engine, [row], new Date().toISOString());
}

const REBUILD_BATCH = 500;

/**
 * Empties the index and indexes every article again, in batches of 500 (memory stays flat on 100.000
 * articles). For the demo loader, imports and repairs; returns how many articles were indexed. Wrap
 * it in a transaction when readers must not see a half-built index.
 */
export async function rebuildSearchIndex(db: Kysely<DB>): Promise<number> {
  const engine = engineOf(db);
  await db.deleteFrom("search_documents").execute();
  if (engine === "sqlite") await sql`DELETE FROM article_search`.execute(db);
  const at = new Date().toISOString();
  let written = 0;
  let afterId = 0;
  for (;;) {
    const rows = await selectSource(db)
      .where("id", ">", afterId)
      .where("status", "in", [...READER_VISIBLE_STATUSES])
      .orderBy("id")
      .limit(REBUILD_BATCH)
      .execute();
    if (rows.length === 0) break;
    written += await indexRows(db, engine, rows, at);
    afterId = (rows[rows.length - 1] as SourceArticle).id;
  }
  return written;
}
