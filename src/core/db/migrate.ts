import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { loginRefusalsMigration } from "../../accounts/login-attempts.migration.js";
import { emulationMigration } from "../../emulation/emulation.migration.js";
import { editorialMigration } from "../../portal/editorial.migration.js";
import { searchMigration } from "../../portal/search.migration.js";
import { searchTokenKindsMigration } from "../../portal/search-token-kinds.migration.js";
import { sessionsMigration } from "../../sessions/sessions.migration.js";
import { targetsMigration } from "../../targets/targets.migration.js";
import type { DialectName } from "./dialect.js";
import { foundationMigration } from "./migrations/0001-foundation.js";
import type { DB } from "./schema.js";

/**
 * Migrations are listed here in code (not discovered on disk) so that the same list runs from the
 * compiled app, the CLI and the tests. Names sort in the order they apply.
 */
function listMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    "0001-foundation": foundationMigration(dialect),
    "0002-targets": targetsMigration(dialect),
    "0003-emulation": emulationMigration(dialect),
    "0004-sessions": sessionsMigration(dialect),
    "0005-editorial": editorialMigration(dialect),
    "0006-search": searchMigration(dialect),
    "0007-search-token-kinds": searchTokenKindsMigration(dialect),
    "0008-login-refusals": loginRefusalsMigration(),
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(listMigrations(dialect)) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const where = failed ? ` (in ${failed.migrationName})` : "";
    throw new Error(
      `database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
