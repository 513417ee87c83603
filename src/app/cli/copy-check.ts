import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../core/db/database.js";

/**
 * The check at the end of `copy-to`: every table has the same rows in SQLite and in PostgreSQL.
 *
 * Each side reads the table ordered by its primary key (all columns when it has none), text compared
 * byte by byte on both (PostgreSQL's `COLLATE "C"` is SQLite's BINARY order), and hashes one canonical
 * line per row: the values in the target's column order as a JSON array, NULL as null and every other
 * value as text — SQLite's integers, reals and texts and PostgreSQL's integer, bigint, double precision
 * and text then read alike (booleans are integers on both engines; dates and instants are text).
 * The search index is rebuilt, not copied: only its row count is compared.
 */

export interface TableCheck {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  sqliteChecksum: string;
  postgresChecksum: string;
  same: boolean;
}

interface Progress {
  start(step: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

const BATCH = 2000;
const COUNT_ONLY = new Set(["search_documents"]);

/** A value as canonical text, or null. */
export function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString("hex")}`;
  return typeof value === "number" ? String(value) : String(value);
}

interface TableShape {
  name: string;
  columns: string[];
  /** Columns to order by, and whether each is text. */
  order: { column: string; text: boolean }[];
}

async function shapes(target: Database): Promise<TableShape[]> {
  const { rows } = await sql<{ table: string; column: string; type: string; pk: number | null }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
           array_position(i.indkey::int2[], a.attnum) as pk
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      left join pg_index i on i.indrelid = c.oid and i.indisprimary
     where c.relkind in ('r', 'p') and c.relname not like 'kysely%'
     order by c.relname, a.attnum`.execute(target.db);
  const byTable = new Map<string, TableShape & { keyed: { column: string; text: boolean; at: number }[] }>();
  for (const row of rows) {
    let shape = byTable.get(row.table);
    if (!shape) {
      shape = { name: row.table, columns: [], order: [], keyed: [] };
      byTable.set(row.table, shape);
    }
    shape.columns.push(row.column);
    const text = /^(text|character)/.test(row.type);
    if (row.pk !== null) shape.keyed.push({ column: row.column, text, at: row.pk });
    shape.order.push({ column: row.column, text });
  }
  return [...byTable.values()].map((s) => ({
    name: s.name,
    columns: s.columns,
    order: s.keyed.length > 0 ? s.keyed.sort((a, b) => a.at - b.at) : s.order,
  }));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function hashRows(hash: ReturnType<typeof createHash>, rows: unknown[][]): void {
  for (const row of rows) hash.update(`${JSON.stringify(row.map(canonicalValue))}\n`);
}

/** Row count and checksum of one table in SQLite. */
function sqliteSide(database: Database, shape: TableShape): { rows: number; checksum: string } {
  const sqlite = database.sqlite;
  if (!sqlite) throw new Error("not an SQLite database");
  const list = shape.columns.map(quote).join(", ");
  const order = shape.order.map((o) => quote(o.column)).join(", ");
  const hash = createHash("sha256");
  let rows = 0;
  const statement = sqlite.prepare(`select ${list} from ${quote(shape.name)} order by ${order}`).raw(true);
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    hashRows(hash, [row]);
    rows++;
  }
  return { rows, checksum: hash.digest("hex") };
}

/** Row count and checksum of one table in PostgreSQL, read in batches. */
async function postgresSide(
  database: Database,
  shape: TableShape,
): Promise<{ rows: number; checksum: string }> {
  const list = shape.columns.map(quote).join(", ");
  // SQLite sorts NULL first and text by bytes: the same here.
  const order = shape.order
    .map((o) => `${quote(o.column)}${o.text ? ' COLLATE "C"' : ""} NULLS FIRST`)
    .join(", ");
  const hash = createHash("sha256");
  let rows = 0;
  for (;;) {
    const result = await sql
      .raw<Record<string, unknown>>(
        `select ${list} from ${quote(shape.name)} order by ${order} limit ${BATCH} offset ${rows}`,
      )
      .execute(database.db);
    hashRows(
      hash,
      result.rows.map((r) => shape.columns.map((c) => r[c])),
    );
    rows += result.rows.length;
    if (result.rows.length < BATCH) break;
  }
  return { rows, checksum: hash.digest("hex") };
}

async function countOf(database: Database, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
    database.db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Compares every table of `target` (PostgreSQL) with the same table in `source` (SQLite). */
export async function compareTables(
  source: Database,
  target: Database,
  progress: Progress,
): Promise<TableCheck[]> {
  const all = await shapes(target);
  progress.start("check", all.length);
  const checks: TableCheck[] = [];
  for (const [i, shape] of all.entries()) {
    if (COUNT_ONLY.has(shape.name)) {
      const [a, b] = [await countOf(source, shape.name), await countOf(target, shape.name)];
      checks.push({
        table: shape.name,
        sqliteRows: a,
        postgresRows: b,
        sqliteChecksum: "",
        postgresChecksum: "",
        same: a === b,
      });
    } else {
      const a = sqliteSide(source, shape);
      const b = await postgresSide(target, shape);
      checks.push({
        table: shape.name,
        sqliteRows: a.rows,
        postgresRows: b.rows,
        sqliteChecksum: a.checksum,
        postgresChecksum: b.checksum,
        same: a.rows === b.rows && a.checksum === b.checksum,
      });
    }
    progress.update(i + 1);
  }
  progress.stop();
  return checks;
}
