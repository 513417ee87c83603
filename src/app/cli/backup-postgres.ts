import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { ConfigError } from "../../core/config.js";

/**
 * PostgreSQL's half of backup and restore, in the app itself: no pg_dump or pg_restore binary, so no
 * client package matching the server's major version.
 *
 * Backup: one `REPEATABLE READ, READ ONLY` transaction, so every table is read from one snapshot (every
 * transaction committed before it, none after, no half of any), streams `COPY table TO STDOUT (FORMAT
 * csv)` of each table of the `public` schema into `database/<table>.csv`, and records in the manifest
 * each table's columns and row count, each sequence's value, and the migrations applied.
 *
 * The schema is not saved: it is the app's migrations. Kysely's own tables (`kysely_migration`,
 * `kysely_migration_lock`) are not copied either; the manifest lists the migrations applied instead.
 * Restore runs exactly those migrations (a backup of an older version gets that version's schema, so
 * its columns fit), loads the rows, then the caller migrates to this version like any old database.
 *
 * Restore loads every table in one transaction: parents before children, the order computed from the
 * foreign keys in pg_constraint (a table referencing itself, like directives.parent_id, is fine: COPY
 * checks its rows once the whole table is in), checks each table's row count against the manifest,
 * and sets every sequence to its recorded value (or the column's highest value, if higher), so new
 * rows get fresh ids. Nothing needs superuser rights or disabled triggers.
 */

/** What the manifest records of a PostgreSQL backup. */
export interface PostgresContent {
  /** Kysely's migrations applied in the copied database, in order. */
  migrations: string[];
  tables: { name: string; file: string; columns: string[]; rows: number }[];
  sequences: { name: string; lastValue: number; isCalled: boolean }[];
}

/** The folder inside a backup that holds one CSV file per table. */
export const POSTGRES_FOLDER = "database";
const KYSELY_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

async function loadPg(): Promise<{ pg: typeof pg; copy: typeof import("pg-copy-streams") }> {
  const pgModule = (await import("pg")).default;
  const copyModule = (await import("pg-copy-streams")).default;
  return { pg: pgModule, copy: copyModule };
}

async function connect(url: string): Promise<pg.Client> {
  const { pg } = await loadPg();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The ordinary tables of the public schema, without Kysely's, sorted by name. */
export async function appTables(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  return result.rows.map((r) => r.name).filter((name) => !KYSELY_TABLES.has(name));
}

/** The columns COPY reads and writes: stored ones, in their order (generated columns are computed). */
export async function tableColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select a.attname as name from pg_attribute a
      where a.attrelid = ('public.' || quote_ident($1))::regclass and a.attnum > 0
        and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`,
    [table],
  );
  return result.rows.map((r) => r.name);
}

function copySql(client: pg.Client, table: string, columns: string[], direction: "TO STDOUT" | "FROM STDIN") {
  const list = columns.map((c) => client.escapeIdentifier(c)).join(", ");
  return `COPY public.${client.escapeIdentifier(table)} (${list}) ${direction} (FORMAT csv)`;
}

/** Writes every table of the database at `url` into `<target>/database/`, from one snapshot. */
export async function backupPostgres(url: string, target: string): Promise<PostgresContent> {
  const { copy } = await loadPg();
  const client = await connect(url);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // The snapshot is taken by the transaction's first statement: every read below sees it.
    const migrations = (
      await client.query<{ name: string }>("select name from public.kysely_migration order by name")
    ).rows.map((r) => r.name);
    const tables: PostgresContent["tables"] = [];
    await mkdir(path.join(target, POSTGRES_FOLDER));
    for (const name of await appTables(client)) {
      if (!PLAIN_NAME.test(name)) throw new ConfigError(`cannot back up table ${JSON.stringify(name)}`);
      const columns = await tableColumns(client, name);
      const file = `${POSTGRES_FOLDER}/${name}.csv`;
      const stream = client.query(copy.to(copySql(client, name, columns, "TO STDOUT")));
      await pipeline(stream, createWriteStream(path.join(target, file), { flags: "wx" }));
      tables.push({ name, file, columns, rows: stream.rowCount });
    }
    // A sequence is outside transactions: read now, it is at least every id the snapshot holds.
    const sequences: PostgresContent["sequences"] = [];
    const names = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
    );
    for (const { name } of names.rows) {
      const value = await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from public.${client.escapeIdentifier(name)}`,
      );
      const row = value.rows[0];
      if (row) sequences.push({ name, lastValue: Number(row.last_value), isCalled: row.is_called });
    }
    await client.query("COMMIT");
    return { migrations, tables, sequences };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * `tables` ordered so that every table comes after the tables its foreign keys reference. A table
 * referencing itself is no obstacle (COPY checks the rows after loading the whole table); a cycle
 * between tables is, and is refused.
 */
export async function loadOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const wanted = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges.rows)
    if (child !== parent && wanted.has(child) && wanted.has(parent)) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) {
      const left = tables.filter((t) => !placed.has(t));
      throw new ConfigError(
        `cannot order the tables by their foreign keys (a cycle among ${left.join(", ")})`,
      );
    }
    for (const t of ready) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

/**
 * Loads a backup's tables into the database at `url`, whose schema the backup's migrations have just
 * created (and which holds no rows of its own), in one transaction; then sets every sequence.
 */
export async function restorePostgres(url: string, source: string, content: PostgresContent): Promise<void> {
  const { copy } = await loadPg();
  const client = await connect(url);
  try {
    await client.query("BEGIN");
    const present = await appTables(client);
    const listed = content.tables.map((t) => t.name);
    const missing = listed.filter((t) => !present.includes(t));
    const extra = present.filter((t) => !listed.includes(t));
    if (missing.length > 0 || extra.length > 0)
      throw new ConfigError(
        `the backup's tables do not match the schema of its migrations (${[
          ...missing.map((t) => `no table ${t}`),
          ...extra.map((t) => `table ${t} not in the backup`),
        ].join(", ")})`,
      );
    // Rows a migration may have written are replaced by the backup's.
    if (present.length > 0)
      await client.query(`TRUNCATE ${present.map((t) => `public.${client.escapeIdentifier(t)}`).join(", ")}`);
    const byName = new Map(content.tables.map((t) => [t.name, t]));
    for (const name of await loadOrder(client, listed)) {
      const table = byName.get(name);
      if (!table) continue;
      const ingest = client.query(copy.from(copySql(client, name, table.columns, "FROM STDIN")));
      await pipeline(createReadStream(path.join(source, table.file)), ingest);
      if (ingest.rowCount !== table.rows)
        throw new ConfigError(
          `backup damaged: ${table.file} holds ${ingest.rowCount} rows, the manifest says ${table.rows}`,
        );
    }
    for (const sequence of content.sequences) {
      const exists = await client.query("select to_regclass($1) as oid", [
        `public.${client.escapeIdentifier(sequence.name)}`,
      ]);
      if (exists.rows[0]?.oid === null) throw new ConfigError(`the schema has no sequence ${sequence.name}`);
      await client.query("select setval($1::regclass, $2, $3)", [
        `public.${client.escapeIdentifier(sequence.name)}`,
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    // Never behind a column it numbers, whatever the manifest says: the next id is always fresh.
    await setSequencesPastMax(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Moves every sequence owned by a column past the column's highest value, so the next id is fresh. */
export async function setSequencesPastMax(client: pg.Client): Promise<void> {
  const owned = await client.query<{ table: string; column: string; sequence: string }>(
    `select t.relname as table, a.attname as column, s.relname as sequence from pg_depend d
       join pg_class s on s.oid = d.objid and s.relkind = 'S'
       join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
       join pg_namespace n on n.oid = s.relnamespace
      where n.nspname = 'public' and d.deptype in ('a', 'i')`,
  );
  for (const { table, column, sequence } of owned.rows) {
    const seq = `public.${client.escapeIdentifier(sequence)}`;
    await client.query(
      `select setval($1::regclass, m.top) from
         (select max(${client.escapeIdentifier(column)})::bigint as top from public.${client.escapeIdentifier(table)}) m,
         ${seq} s
        where m.top is not null and (m.top > s.last_value or (m.top = s.last_value and not s.is_called))`,
      [seq],
    );
  }
}
