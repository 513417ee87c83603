#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=150
import path from "node:path";
import { Command } from "commander";
import { createApiToken } from "../../accounts/auth.service.js";
import { createUserWithGrant } from "../../accounts/users.service.js";
import { loadHierarchy } from "../../core/access/hierarchy.repo.js";
import { isRole, ROLES } from "../../core/access/roles.js";
import { ConfigError, loadConfig } from "../../core/config.js";
import { type Database, openDatabase } from "../../core/db/database.js";
import { runOrExit } from "../../core/fail-fast.js";
import { vnDateString } from "../../core/format/vi-date.js";
import { AppError } from "../../core/http/errors.js";
import { useVietnameseZodMessages } from "../../core/validation/zod-messages.js";
import { loadDemoIfEmpty, resetDemo } from "../../demo/demo-loader.js";
import { rebuildFollowUpCounters } from "../../directives/follow-up/follow-up-counters.repo.js";
import { rebuildSearchIndex } from "../../portal/search/search-index.service.js";
import { rebuildResultSummaries } from "../../targets/summaries/result-summaries.service.js";
import { migrateToLatest } from "../migrations.js";
import { startServer } from "../server.js";
import { createBackup, restoreBackup } from "./backup.js";
import { copyToPostgres } from "./copy-to.js";
import { terminalProgress } from "./progress.js";

/** Opens the configured database with migrations applied, runs `body`, and closes it. */
async function withDatabase(body: (database: Database) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database, { poolSize: 2 });
  try {
    await migrateToLatest(database.db, database.dialect);
    await body(database);
  } finally {
    await database.close();
  }
}

const seconds = (since: number): string => ((Date.now() - since) / 1000).toFixed(1);

function fail(message: string): never {
  throw new ConfigError(message);
}

// Services the commands call validate with Zod: their messages reach the operator in Vietnamese too.
useVietnameseZodMessages();

const program = new Command()
  .name("giaoban")
  .description("giaoban: targets, evaluation, sessions, directives and the portal of a ward or commune");

program
  .command("serve")
  .description("start the web server (the same as npm start)")
  .action(() => runOrExit(async () => void (await startServer(undefined, { handleSignals: true }))));

program
  .command("migrate")
  .description("apply pending database migrations")
  .action(() =>
    runOrExit(() =>
      withDatabase(async (database) => {
        const applied = await migrateToLatest(database.db, database.dialect);
        console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
      }),
    ),
  );

program
  .command("demo")
  .description("load the demo data from the reference story into an empty database")
  .option("--reset", "delete ALL data first, then load the demo")
  .action((options: { reset?: boolean }) =>
    runOrExit(() =>
      withDatabase(async (database) => {
        const mediaDir = path.join(loadConfig().dataDir, "media");
        if (options.reset) {
          await resetDemo(database, new Date(), mediaDir);
          console.log("demo data restored");
        } else {
          const loaded = await loadDemoIfEmpty(database, new Date(), mediaDir);
          console.log(
            loaded
              ? "demo data loaded"
              : "database is not empty: nothing loaded (use --reset to replace everything)",
          );
        }
      }),
    ),
  );

program
  .command("user")
  .description("manage users")
  .command("create <username>")
  .description("create a user with one role on one unit")
  .requiredOption("--name <displayName>", "full name shown in the interface")
  .requiredOption("--role <role>", `one of: ${ROLES.join(", ")}`)
  .requiredOption("--unit <unitId>", "id of the unit the role is granted on")
  .option("--password <password>", "initial password (default: read from GIAOBAN_PASSWORD)")
  .option("--email <email>", "e-mail address")
  .action(
    (
      username: string,
      options: { name: string; role: string; unit: string; password?: string; email?: string },
    ) =>
      runOrExit(() =>
        withDatabase(async (database) => {
          if (!isRole(options.role)) fail(`unknown role "${options.role}"; use one of ${ROLES.join(", ")}`);
          const password =
            options.password ??
            process.env.GIAOBAN_PASSWORD ??
            fail("give --password or set GIAOBAN_PASSWORD");
          const now = new Date();
          try {
            const id = await createUserWithGrant(
              database.db,
              {
                username,
                displayName: options.name,
                email: options.email ?? null,
                password,
                role: options.role,
                unitId: Number(options.unit),
                validFrom: vnDateString(now),
              },
              {
                actor: null,
                hierarchy: await loadHierarchy(database.db),
                today: vnDateString(now),
                now,
                ip: null,
              },
            );
            console.log(`created user ${username} (id ${id})`);
          } catch (error) {
            if (error instanceof AppError)
              fail(`${error.message} ${Object.values(error.fields ?? {}).join(" ")}`.trim());
            throw error;
          }
        }),
      ),
  );

program
  .command("token")
  .description("manage API tokens")
  .command("create <username>")
  .description("create an API token; the token is printed on the last line")
  .option("--name <name>", "a name to recognise the token by", "giaoban CLI")
  .action((username: string, options: { name: string }) =>
    runOrExit(() =>
      withDatabase(async (database) => {
        try {
          const { token } = await createApiToken(database.db, {
            username,
            name: options.name,
            actor: null,
            now: new Date(),
          });
          console.log(`API token for ${username} (shown once; send it as "Authorization: Bearer <token>"):`);
          console.log(token);
        } catch (error) {
          if (error instanceof AppError) fail(error.message);
          throw error;
        }
      }),
    ),
  );

program
  .command("backup <folder>")
  .description(
    "back up the database and the data folder's media and session-files into the new <folder> (safe while the app runs)",
  )
  .action((folder: string) =>
    runOrExit(() =>
      withDatabase(async (database) => {
        const config = loadConfig();
        const target = path.resolve(folder);
        const manifest = await createBackup({
          database,
          source: config.database,
          dataDir: config.dataDir,
          target,
        });
        console.log(`backup written to ${target} (${manifest.files.length} files, see manifest.json)`);
      }),
    ),
  );

program
  .command("restore <folder>")
  .description("restore a backup folder into the configured database and data folder (stop the app first)")
  .option("--force", "replace a database or data folder that already holds data")
  .action((folder: string, options: { force?: boolean }) =>
    runOrExit(async () => {
      const config = loadConfig();
      const manifest = await restoreBackup({
        source: path.resolve(folder),
        target: config.database,
        dataDir: config.dataDir,
        force: options.force ?? false,
      });
      console.log(`restored the backup of ${manifest.createdAt} (${manifest.files.length} files checked)`);
    }),
  );

program
  .command("search-index")
  .description("rebuild the search index of the portal's articles, with a progress bar")
  .action(() =>
    runOrExit(() =>
      withDatabase(async (database) => {
        const progress = terminalProgress();
        let started = false;
        const written = await database.db.transaction().execute((trx) =>
          rebuildSearchIndex(trx, {
            onProgress: (read, total) => {
              if (!started) progress.start("search index", total);
              started = true;
              progress.update(read);
            },
            // The engine's own last step (GIN indexes, or FTS5's merge) takes a while with no count.
            onFinishing: () => progress.start("index merge", 1),
          }),
        );
        progress.update(1);
        progress.stop();
        console.log(`search index rebuilt: ${written} articles`);
      }),
    ),
  );

program
  .command("rebuild-summaries")
  .description(
    "recompute the maintained summaries from their source rows: result summaries (rankings, evaluations) and follow-up counters",
  )
  .action(() =>
    runOrExit(() =>
      withDatabase(async (database) => {
        const progress = terminalProgress();
        const reportTo = (step: string) => (done: number, total: number) => {
          if (done === 0) progress.start(step, total);
          else progress.update(done);
        };
        let started = Date.now();
        const units = await rebuildResultSummaries(database.db, reportTo("summaries"));
        progress.stop();
        console.log(`result summaries rebuilt: ${units} units in ${seconds(started)} s`);
        started = Date.now();
        const rows = await rebuildFollowUpCounters(database.db, reportTo("follow-up"));
        progress.stop();
        console.log(`follow-up counters rebuilt: ${rows} rows in ${seconds(started)} s`);
      }),
    ),
  );

program
  .command("copy-to <databaseUrl>")
  .description(
    "copy this SQLite installation into an EMPTY PostgreSQL database (postgres://…), then check every table (stop the app first)",
  )
  .action((databaseUrl: string) =>
    runOrExit(() =>
      withDatabase(async (database) => {
        if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail("copy-to needs a postgres://… address");
        const report = await copyToPostgres({
          source: database,
          targetUrl: databaseUrl,
          progress: terminalProgress(),
        });
        const differing = report.tables.filter((t) => !t.same);
        for (const t of differing)
          console.error(
            `differs: ${t.table} (SQLite ${t.sqliteRows} rows, PostgreSQL ${t.postgresRows} rows)`,
          );
        if (differing.length > 0)
          fail(`${differing.length} tables differ after the copy; do not switch to the copy`);
        const rows = report.tables.reduce((n, t) => n + t.postgresRows, 0);
        console.log(
          `copied ${report.tables.length} tables (${rows} rows), every row count and checksum agrees; search index: ${report.searchDocuments} articles`,
        );
        console.log("media files stay in DATA_DIR; start the app with DATABASE_URL set to the new database");
      }),
    ),
  );

await program.parseAsync(process.argv);
