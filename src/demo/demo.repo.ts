import { type Kysely, sql } from "kysely";
import type { DialectName } from "../core/db/dialect.js";
import type { DB } from "../core/db/schema.js";
import type { UnitRow } from "../units/units.repo.js";

/**
 * The SQL of the demo loader: plain inserts that return the new id, and the wipe that `demo --reset`
 * needs. Everything here runs inside the loader's single transaction. Rows the rooms already know how
 * to insert (categories, photos, article images) go through the rooms' own repos instead.
 */

/** Tables that hold process state rather than data; a reset leaves them alone. */
const KEPT_TABLES = new Set(["jobs"]);

export async function countUnits(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes every row of every application table (found by introspection, so tables that later modules
 * add are wiped too) except process state such as `jobs`. Foreign keys would make the order matter;
 * instead SQLite defers their checks to the commit, and PostgreSQL truncates all tables in one
 * statement (which also restarts the id sequences, so a reset demo gets the same ids again).
 */
export async function deleteAllRows(db: Kysely<DB>, dialect: DialectName): Promise<void> {
  const tables = (await db.introspection.getTables()).filter(
    (t) => !t.isView && !t.name.startsWith("kysely_") && !KEPT_TABLES.has(t.name),
  );
  if (tables.length === 0) return;
  if (dialect === "postgres") {
    const list = sql.join(tables.map((t) => (t.schema ? sql.id(t.schema, t.name) : sql.id(t.name))));
    await sql`TRUNCATE TABLE ${list} RESTART IDENTITY`.execute(db);
    return;
  }
  await sql`PRAGMA defer_foreign_keys = ON`.execute(db);
  // A virtual table (FTS5) keeps its rows in shadow tables named after it, which SQLite lets no
  // one write: emptying the virtual table empties them.
  const virtual = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`.execute(db);
  const isShadow = (name: string) => virtual.rows.some((v) => name.startsWith(`${v.name}_`));
  for (const t of tables) if (!isShadow(t.name)) await sql`DELETE FROM ${sql.id(t.name)}`.execute(db);
  // Restart AUTOINCREMENT counters too, like RESTART IDENTITY on PostgreSQL.
  await sql`DELETE FROM sqlite_sequence`.execute(db);
}

export async function insertUnit(db: Kysely<DB>, unit: Omit<UnitRow, "id">, now: Date): Promise<number> {
  const row = await db
    .insertInto("units")
    .values({
      name: unit.name,
      level: unit.level,
      code: unit.code,
      valid_from: unit.validFrom,
      valid_to: unit.validTo,
      address: unit.address,
      phone: unit.phone,
      email: unit.email,
      intro: unit.intro,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertUnitParent(
  db: Kysely<DB>,
  link: { unitId: number; parentId: number; validFrom: string; validTo: string | null },
): Promise<void> {
  await db
    .insertInto("unit_parents")
    .values({
      unit_id: link.unitId,
      parent_id: link.parentId,
      valid_from: link.validFrom,
      valid_to: link.validTo,
    })
    .execute();
}

export async function insertSuccession(
  db: Kysely<DB>,
  link: {
    fromUnitId: number;
    toUnitId: number;
    effectiveDate: string;
    kind: string;
    populationShare: number | null;
    areaShare: number | null;
    legalBasis: string | null;
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto("unit_successions")
    .values({
      from_unit_id: link.fromUnitId,
      to_unit_id: link.toUnitId,
      effective_date: link.effectiveDate,
      kind: link.kind,
      population_share: link.populationShare,
      area_share: link.areaShare,
      legal_basis: link.legalBasis,
      note: link.note,
    })
    .execute();
}

export async function insertOrganisation(
  db: Kysely<DB>,
  org: {
    unitId: number;
    kind: string;
    name: string;
    validFrom: string;
    validTo: string | null;
    sortOrder: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({
      unit_id: org.unitId,
      kind: org.kind,
      name: org.name,
      valid_from: org.validFrom,
      valid_to: org.validTo,
      sort_order: org.sortOrder,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPerson(
  db: Kysely<DB>,
  person: { fullName: string; biography: string | null },
): Promise<number> {
  const row = await db
    .insertInto("people")
    .values({ full_name: person.fullName, biography: person.biography })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPosition(
  db: Kysely<DB>,
  position: {
    personId: number;
    organisationId: number;
    title: string;
    isLeader: boolean;
    sortOrder: number;
    validFrom: string | null;
    validTo: string | null;
  },
): Promise<void> {
  await db
    .insertInto("positions")
    .values({
      person_id: position.personId,
      organisation_id: position.organisationId,
      title: position.title,
      is_leader: position.isLeader ? 1 : 0,
      sort_order: position.sortOrder,
      valid_from: position.validFrom,
      valid_to: position.validTo,
    })
    .execute();
}

export async function insertArticle(
  db: Kysely<DB>,
  article: {
    slug: string;
    title: string;
    lead: string | null;
    bodyHtml: string;
    publishedAt: string;
    authorId: number | null;
    unitId: number;
    categoryId: number | null;
    views: number;
    /** A draft has no publication date; `publishedAt` is then when it was last saved. */
    status?: "published" | "draft";
  },
): Promise<number> {
  const draft = article.status === "draft";
  const row = await db
    .insertInto("articles")
    .values({
      slug: article.slug,
      title: article.title,
      lead: article.lead,
      body_html: article.bodyHtml,
      status: draft ? "draft" : "published",
      published_at: draft ? null : article.publishedAt,
      author_id: article.authorId,
      unit_id: article.unitId,
      category_id: article.categoryId,
      views: article.views,
      // Written when it was published: the demo reproduces the article as it was then.
      created_at: article.publishedAt,
      updated_at: article.publishedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of the demo's working session (the sessions module loads it), if it was loaded. */
export async function findSessionIdByTitle(db: Kysely<DB>, title: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("working_sessions")
    .select("id")
    .where("title", "=", title)
    .executeTakeFirst();
  return row?.id;
}
