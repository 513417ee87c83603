import { type Kysely, PostgresIntrospector, sql } from "kysely";
import type { DialectName } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { READER_VISIBLE_STATUSES } from "../articles/article-workflow.rules.js";
import { markedText, metaTokens } from "./search-fts.rules.js";
import { createSearchGinIndexes, dropSearchGinIndexes } from "./search-gin.repo.js";
import { htmlToIndexText, type IndexStreams, indexStreams, rankKey } from "./search-text.rules.js";
import { tsvectorBinary } from "./search-tsvector.rules.js";

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
    body: [article.lead ?? "", htmlToIndexText(article.body_html), ...captions].join("\n"),
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

/** Removes an article's entry (the FTS5 row is found by the rank key stored beside it). */
async function removeEntry(db: Kysely<DB>, engine: DialectName, articleId: number): Promise<void> {
  if (engine === "sqlite") {
    const old = await db
      .selectFrom("search_documents")
      .select("rank_key")
      .where("article_id", "=", articleId)
      .executeTakeFirst();
    if (old) await sql`DELETE FROM article_search WHERE rowid = ${Number(old.rank_key)}`.execute(db);
  }
  await db.deleteFrom("search_documents").where("article_id", "=", articleId).execute();
}

interface Entry {
  article: SourceArticle & { published_at: string };
  key: number;
  streams: IndexStreams;
  /**
   * PostgreSQL's vectors (folded, exact, title), encoded with the tokens: a rebuild encodes the
   * next batch while the server stores this one.
   */
  vectors: [Buffer, Buffer, Buffer] | null;
}

function entryOf(
  article: SourceArticle & { published_at: string },
  captions: string[],
  engine: DialectName,
): Entry {
  const streams = indexStreams(fieldsOf(article, captions));
  return {
    article,
    key: rankKey(article.published_at, article.id),
    streams,
    vectors: engine === "postgres" ? postgresVectors(streams) : null,
  };
}

/**
 * The folded and title vectors carry pair lexemes (two-syllable phrases answered by the index
 * alone); the accent-exact one does not (migration 0027): its phrases are checked on the few rows
 * the folded pairs leave (postgres-tiers.repo.ts), and without pairs it is less than half the size.
 */
const FOLDED_SHAPE = { pairs: true };
const EXACT_SHAPE = { pairs: false };

function postgresVectors({ title, body }: IndexStreams): [Buffer, Buffer, Buffer] {
  return [
    tsvectorBinary(title.folded, body.folded, FOLDED_SHAPE),
    tsvectorBinary(title.exact, body.exact, EXACT_SHAPE),
    tsvectorBinary(title.folded, [], FOLDED_SHAPE),
  ];
}

/** Inserts entries of articles that have none (the caller removed old ones, or the index is empty). */
async function insertEntries(
  db: Kysely<DB>,
  engine: DialectName,
  entries: Entry[],
  at: string,
): Promise<void> {
  if (entries.length === 0) return;
  const documents = entries.map((e) => ({
    article_id: e.article.id,
    published_at: e.article.published_at,
    rank_key: e.key,
    unit_id: e.article.unit_id,
    category_id: e.article.category_id,
    indexed_at: at,
  }));
  if (engine === "postgres") {
    const rows = entries.map((e) => {
      const a = e.article;
      const [folded, exact, title] = e.vectors ?? postgresVectors(e.streams);
      return sql`(${a.id}, ${a.published_at}, ${e.key}, ${a.unit_id}, ${a.category_id}, ${at},
        ${folded}::tsvector, ${exact}::tsvector, ${title}::tsvector)`;
    });
    await sql`
      INSERT INTO search_documents (article_id, published_at, rank_key, unit_id, category_id, indexed_at, folded_tsv, exact_tsv, title_tsv)
      VALUES ${sql.join(rows)}
    `.execute(db);
    return;
  }
  await db.insertInto("search_documents").values(documents).execute();
  // Many rows per statement: one prepared statement (the SQLite statement cache keys on the text)
  // per full chunk instead of a round through Kysely per article.
  for (let i = 0; i < entries.length; i += FTS_ROWS_PER_STATEMENT) {
    const rows = entries.slice(i, i + FTS_ROWS_PER_STATEMENT).map((e) => {
      const { title, body } = e.streams;
      return sql`(${e.key}, ${title.folded.join(" ")}, ${body.folded.join(" ")},
              ${markedText("exact", title.exact)}, ${markedText("exact", body.exact)},
              ${markedText("title", title.folded)},
              ${metaTokens({ categoryId: e.article.category_id, unitId: e.article.unit_id }).join(" ")})`;
    });
    await sql`
      INSERT INTO article_search (rowid, title_f, body_f, title_x, body_x, title_t, meta)
      VALUES ${sql.join(rows)}
    `.execute(db);
  }
}

/** FTS5 rows per INSERT: 7 parameters each, far below SQLite's limit of 32.766. */
const FTS_ROWS_PER_STATEMENT = 100;

function selectSource(db: Kysely<DB>) {
  return db
    .selectFrom("articles")
    .select(["id", "title", "lead", "body_html", "status", "published_at", "unit_id", "category_id"]);
}

/** Entries for the rows that should be indexed (a visible status and a publish time). */
async function entriesOf(
  db: Kysely<DB>,
  engine: DialectName,
  rows: (SourceArticle & { status: string })[],
): Promise<Entry[]> {
  const captions = await captionsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  return entriesWithCaptions(engine, rows, captions);
}

function entriesWithCaptions(
  engine: DialectName,
  rows: (SourceArticle & { status: string })[],
  captions: Map<number, string[]>,
): Entry[] {
  return rows
    .filter((r) => isIndexed(r.status) && r.published_at !== null)
    .map((r) => entryOf({ ...r, published_at: r.published_at as string }, captions.get(r.id) ?? [], engine));
}

/**
 * Brings one article's index entry up to date: writes it for a published (or scheduled) article,
 * removes it for any other status and for a deleted article. Idempotent; run it inside the
 * transaction that changed the article so the index never disagrees with what was committed.
 */
export async function reindexArticle(db: Kysely<DB>, articleId: number): Promise<void> {
  const engine = engineOf(db);
  const row = await selectSource(db).where("id", "=", articleId).executeTakeFirst();
  await removeEntry(db, engine, articleId);
  if (row) await insertEntries(db, engine, await entriesOf(db, engine, [row]), new Date().toISOString());
}

const REBUILD_BATCH = 500;

/** How far a rebuild has come: articles read so far out of all readers can see. */
export type RebuildProgress = (read: number, total: number) => void;

/**
 * Empties the index and indexes every article again, in batches of 500 (memory stays flat on 100.000
 * articles). For the demo loader, imports, `giaoban search-index` and repairs; returns how many
 * articles were indexed. It runs in one transaction (the caller's, or its own): readers never see
 * a half-built index.
 *
 * While the database writes one batch, the next one is read, tokenised and (PostgreSQL) encoded: the
 * server's work and the app's overlap. PostgreSQL's GIN indexes are dropped first and built once at
 * the end (search-gin.repo.ts); SQLite's FTS5 table buffers 64 MB of token lists at a time and
 * merges them once at the end (`setFtsBuildMode`).
 */
export async function rebuildSearchIndex(
  db: Kysely<DB>,
  options: {
    onProgress?: RebuildProgress;
    /** Called once every article is written, before the last step (GIN indexes, FTS5 optimize). */
    onFinishing?: () => void;
  } = {},
): Promise<number> {
  const engine = engineOf(db);
  // Never outside a transaction: a failure would leave PostgreSQL's table without its GIN indexes or
  // SQLite's index in bulk mode, and SQLite would commit every statement on its own.
  if (!db.isTransaction) return db.transaction().execute((trx) => rebuildSearchIndex(trx, options));
  const visible = [...READER_VISIBLE_STATUSES];
  const counted = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", visible)
    .executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  if (engine === "postgres") {
    await sql`TRUNCATE search_documents`.execute(db);
    await dropSearchGinIndexes(db);
  } else {
    await db.deleteFrom("search_documents").execute();
    // 'delete-all' empties a contentless table at once; DELETE would leave a tombstone per row.
    await sql`INSERT INTO article_search(article_search) VALUES('delete-all')`.execute(db);
    await setFtsBuildMode(db, true);
  }
  const at = new Date().toISOString();
  const readAfter = (afterId: number) =>
    selectSource(db)
      .where("id", ">", afterId)
      .where("status", "in", visible)
      .orderBy("id")
      .limit(REBUILD_BATCH)
      .execute();
  let written = 0;
  let read = 0;
  let rows = await readAfter(0);
  let entries = await entriesOf(db, engine, rows);
  while (rows.length > 0) {
    read += rows.length;
    const next = await readAfter((rows[rows.length - 1] as SourceArticle).id);
    const nextCaptions = await captionsOfArticles(
      db,
      next.map((r) => r.id),
    );
    const writing = insertEntries(db, engine, entries, at);
    const nextEntries = entriesWithCaptions(engine, next, nextCaptions);
    await writing;
    written += entries.length;
    options.onProgress?.(read, total);
    rows = next;
    entries = nextEntries;
  }
  options.onFinishing?.();
  if (engine === "postgres") await createSearchGinIndexes(db);
  // One segment per token list: queries then seek in one list instead of merging many (~25% faster
  // at 100.000 articles); later single-article updates are merged in by FTS5 as it goes.
  if (engine === "sqlite") {
    await sql`INSERT INTO article_search(article_search) VALUES('optimize')`.execute(db);
    await setFtsBuildMode(db, false);
  }
  return written;
}

/**
 * FTS5 settings for a bulk load and back (they are stored in the table): a 64 MB buffer of pending
 * token lists instead of 1 MB, and no merging of segments as they are written, since `optimize`
 * merges them all once at the end. Together a third of the SQLite build's time.
 */
async function setFtsBuildMode(db: Kysely<DB>, bulk: boolean): Promise<void> {
  const [hashsize, automerge] = bulk ? [64 * 1024 * 1024, 0] : [1024 * 1024, 4];
  // Literals: FTS5 wants integers, and better-sqlite3 binds a JavaScript number as a float.
  await sql`INSERT INTO article_search(article_search, rank) VALUES('hashsize', ${sql.lit(hashsize)})`.execute(
    db,
  );
  await sql`INSERT INTO article_search(article_search, rank) VALUES('automerge', ${sql.lit(automerge)})`.execute(
    db,
  );
}
