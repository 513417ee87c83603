import type { Kysely, Migration } from "kysely";
import { loginRefusalsMigration } from "../accounts/login-attempts.migration.js";
import { createConclusionTables } from "../conclusions/conclusions.migration.js";
import { noticeSourceMigration } from "../conclusions/notice-source.migration.js";
import { createNoticePublicationTables } from "../conclusions/public/public-notices.migration.js";
import type { DialectName } from "../core/db/dialect.js";
import { runMigrations } from "../core/db/migrate.js";
import { foundationMigration } from "../core/db/migrations/0001-foundation.js";
import type { DB } from "../core/db/schema.js";
import { createDirectiveTables } from "../directives/directives.migration.js";
import { directiveExtensionsMigration } from "../directives/extensions/extensions.migration.js";
import { followUpCountersMigration } from "../directives/follow-up/follow-up-counters.migration.js";
import { addPublicReportFlag } from "../directives/public-reports.migration.js";
import { documentsMigration } from "../documents/documents.migration.js";
import { emulationMigration } from "../emulation/emulation.migration.js";
import { feedbackMigration } from "../feedback/feedback.migration.js";
import { handoversMigration } from "../handovers/handovers.migration.js";
import { albumsMigration } from "../portal/albums/albums.migration.js";
import { editorialMigration } from "../portal/editorial/editorial.migration.js";
import { searchMigration } from "../portal/search/search.migration.js";
import { searchPairsMigration } from "../portal/search/search-pairs.migration.js";
import { searchSpeedMigration } from "../portal/search/search-speed.migration.js";
import { searchTitleVectorMigration } from "../portal/search/search-title-vector.migration.js";
import { searchTokenKindsMigration } from "../portal/search/search-token-kinds.migration.js";
import { createSiteSettingsTable } from "../portal/site/site-settings.migration.js";
import { createCalendarTables } from "../sessions/calendar/calendar-entries.migration.js";
import { createSessionTables } from "../sessions/sessions.migration.js";
import { comparableBaseMigration } from "../targets/catalogue/comparable-base.migration.js";
import { entryChecksMigration } from "../targets/entry/entry-checks.migration.js";
import { rankingOutcomesMigration } from "../targets/outcomes/ranking-outcomes.migration.js";
import { periodsTargetsMigration } from "../targets/periods-targets.migration.js";
import { resultSummariesMigration } from "../targets/summaries/result-summaries.migration.js";
import { targetsMigration } from "../targets/targets.migration.js";

/**
 * Migrations are listed here in code (not discovered on disk) so that the same list runs from the
 * compiled app, the CLI and the tests. Names sort in the order they apply.
 */
function listMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    "0001-foundation": foundationMigration(dialect),
    "0002-targets": targetsMigration(dialect),
    "0003-emulation": emulationMigration(dialect),
    // One step written by three rooms: a session's conclusions become directives, and the tables
    // reference each other in that order.
    "0004-sessions": {
      async up(db) {
        await createSessionTables(db, dialect);
        await createConclusionTables(db, dialect);
        await createDirectiveTables(db, dialect);
      },
    },
    "0005-editorial": editorialMigration(dialect),
    "0006-search": searchMigration(dialect),
    "0007-search-token-kinds": searchTokenKindsMigration(dialect),
    "0008-login-refusals": loginRefusalsMigration(),
    "0009-handovers": handoversMigration(dialect),
    "0010-comparable-base": comparableBaseMigration(),
    "0011-periods-targets": periodsTargetsMigration(dialect),
    "0012-entry-checks": entryChecksMigration(),
    "0013-notice-source-file": noticeSourceMigration(),
    "0014-directive-extensions": directiveExtensionsMigration(dialect),
    // Public accountability: a notice its owner publishes, and the progress reports marked public.
    "0016-public-notices": {
      async up(db) {
        await createNoticePublicationTables(db, dialect);
        await addPublicReportFlag(db);
      },
    },
    "0018-documents": documentsMigration(dialect),
    "0019-feedback": feedbackMigration(dialect),
    // The leaders' calendar (sessions) and the site's identity (portal), added together.
    "0020-calendar-site": {
      async up(db) {
        await createCalendarTables(db, dialect);
        await createSiteSettingsTable(db);
      },
    },
    "0021-albums": albumsMigration(dialect),
    "0022-search-title-vector": searchTitleVectorMigration(dialect),
    "0023-result-summaries": resultSummariesMigration(dialect),
    "0024-follow-up-counters": followUpCountersMigration(),
    "0025-search-speed": searchSpeedMigration(dialect),
    "0026-ranking-outcomes": rankingOutcomesMigration(),
    "0027-search-pairs": searchPairsMigration(dialect),
  };
}

/** Applies every pending migration of every room; throws with the failing migration's name. */
export function migrateToLatest(db: Kysely<DB>, dialect: DialectName): Promise<string[]> {
  return runMigrations(db, listMigrations(dialect));
}

/** The names of this version's migrations, in the order they apply. */
export function migrationNames(dialect: DialectName): string[] {
  return Object.keys(listMigrations(dialect)).sort();
}

/** Applies the pending migrations up to and including `last` (a name of migrationNames), no further. */
export function migrateUpTo(db: Kysely<DB>, dialect: DialectName, last: string): Promise<string[]> {
  return runMigrations(db, listMigrations(dialect), last);
}
