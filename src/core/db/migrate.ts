import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { DB } from "./schema.js";

/**
 * The migration runner. The list itself is the composition root's (src/app/migrations.ts): each room
 * owns its migrations, and the floor must not know the rooms.
 */
class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/**
 * Applies every pending migration of `migrations` (names sort in the order they apply), or only those
 * up to and including `upTo`; throws with the failing one's name.
 */
export async function runMigrations(
  db: Kysely<DB>,
  migrations: Record<string, Migration>,
  upTo?: string,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(migrations) });
  const { error, results } =
    upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const where = failed ? ` (in ${failed.migrationName})` : "";
    throw new Error(
      `database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
