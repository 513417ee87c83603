import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { createApiToken } from "../../accounts/auth.service.js";
import type { Config } from "../../core/config.js";
import { type Database, openDatabase } from "../../core/db/database.js";
import type { DialectName } from "../../core/db/dialect.js";
import { migrateToLatest, migrateUpTo, migrationNames } from "../migrations.js";
import { type BackupManifest, createBackup, restoreBackup } from "./backup.js";

interface Place {
  config: Config["database"];
  dataDir: string;
}

/** A new place to install to: an SQLite file not yet created, or an empty PostgreSQL database. */
async function emptyPlace(engine: DialectName): Promise<Place> {
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-backup-"));
  const config: Config["database"] =
    engine === "sqlite"
      ? { kind: "sqlite", file: path.join(dir, "giaoban.sqlite") }
      : { kind: "postgres", url: await createPostgresDatabase() };
  return { config, dataDir: path.join(dir, "data") };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error("timed out");
}

describe.each(ENGINES)("backup and restore on %s", (engine) => {
  let source: Place;
  let database: Database;
  let backupDir: string;

  beforeAll(async () => {
    source = await emptyPlace(engine);
    database = await openDatabase(source.config, { poolSize: 4 });
    await migrateToLatest(database.db, engine);
    await createUser(database.db, { username: "vanthu" });
    mkdirSync(path.join(source.dataDir, "media"), { recursive: true });
    mkdirSync(path.join(source.dataDir, "session-files", "2026"), { recursive: true });
    writeFileSync(path.join(source.dataDir, "media", "0123456789abcdef0123456789abcdef.jpg"), "ảnh hội nghị");
    writeFileSync(path.join(source.dataDir, "session-files", "2026", "bien-ban.pdf"), "biên bản");
    // Some bulk, so the copy takes long enough for writes to land while it runs.
    const padding = "x".repeat(1000);
    for (let batch = 0; batch < 20; batch++) {
      await database.db
        .insertInto("audit_events")
        .values(
          Array.from({ length: 500 }, () => ({
            at: "2026-01-01T00:00:00.000Z",
            actor_user_id: null,
            actor_name: "hệ thống",
            action: "create",
            entity_type: "padding",
            entity_id: null,
            unit_id: null,
            before_json: null,
            after_json: JSON.stringify({ padding }),
            ip: null,
          })),
        )
        .execute();
    }
    backupDir = path.join(mkdtempSync(path.join(tmpdir(), "giaoban-backups-")), "sao-luu");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("a backup taken while audited writes run restores every write acknowledged before it began, and no half write", async () => {
    const acknowledged: number[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const { tokenId } = await createApiToken(database.db, {
          username: "vanthu",
          name: `khóa ${i}`,
          actor: null,
          now: new Date(),
        });
        acknowledged.push(tokenId);
        // A server takes requests between turns of the event loop; SQLite's driver alone never yields.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await until(() => acknowledged.length >= 20);
    const beforeBackup = [...acknowledged];
    const manifest = await createBackup({
      database: database,
      source: source.config,
      dataDir: source.dataDir,
      target: backupDir,
    });
    const duringBackup = acknowledged.length - beforeBackup.length;
    stop = true;
    await writer;
    // The writes really ran beside the backup.
    expect(duringBackup).toBeGreaterThan(0);
    expect(manifest.folders).toEqual(["media", "session-files"]);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        ...(engine === "sqlite"
          ? ["database.sqlite"]
          : ["database/api_tokens.csv", "database/audit_events.csv"]),
        "media/0123456789abcdef0123456789abcdef.jpg",
        "session-files/2026/bien-ban.pdf",
      ]),
    );

    const target = await emptyPlace(engine);
    await restoreBackup({ source: backupDir, target: target.config, dataDir: target.dataDir, force: false });
    const restored = await openDatabase(target.config, { poolSize: 2 });
    let restoredTokens: number[];
    try {
      const tokens = (await restored.db.selectFrom("api_tokens").select("id").execute()).map((r) => r.id);
      const audited = (
        await restored.db
          .selectFrom("audit_events")
          .select("entity_id")
          .where("entity_type", "=", "api_token")
          .execute()
      ).map((r) => Number(r.entity_id));
      // Every write acknowledged before the backup began is there…
      expect(tokens).toEqual(expect.arrayContaining(beforeBackup));
      // …each with its audit event (a write and its record are one transaction), nothing invented.
      expect(audited.sort((a, b) => a - b)).toEqual(tokens.sort((a, b) => a - b));
      expect(acknowledged).toEqual(expect.arrayContaining(tokens));
      restoredTokens = tokens;
      expect(
        await restored.db.selectFrom("users").select("username").where("username", "=", "vanthu").execute(),
      ).toHaveLength(1);
      // Ids go on after the restored ones: a new token and its audit event get fresh ids.
      const topEvent = await restored.db
        .selectFrom("audit_events")
        .select((eb) => eb.fn.max("id").as("top"))
        .executeTakeFirstOrThrow();
      const { tokenId } = await createApiToken(restored.db, {
        username: "vanthu",
        name: "khóa sau khi khôi phục",
        actor: null,
        now: new Date(),
      });
      expect(tokenId).toBeGreaterThan(Math.max(...tokens));
      const event = await restored.db
        .selectFrom("audit_events")
        .select("id")
        .where("entity_type", "=", "api_token")
        .where("entity_id", "=", String(tokenId))
        .executeTakeFirstOrThrow();
      expect(event.id).toBeGreaterThan(Number(topEvent.top));
    } finally {
      await restored.close();
    }
    expect(
      readFileSync(path.join(target.dataDir, "media", "0123456789abcdef0123456789abcdef.jpg"), "utf8"),
    ).toBe("ảnh hội nghị");
    expect(readFileSync(path.join(target.dataDir, "session-files", "2026", "bien-ban.pdf"), "utf8")).toBe(
      "biên bản",
    );

    // The target now holds data: restoring again needs --force, which replaces it.
    await expect(
      restoreBackup({ source: backupDir, target: target.config, dataDir: target.dataDir, force: false }),
    ).rejects.toThrow(/already hold data; restore replaces it only with --force/);
    writeFileSync(path.join(target.dataDir, "media", "them-sau.jpg"), "thêm sau");
    await restoreBackup({ source: backupDir, target: target.config, dataDir: target.dataDir, force: true });
    const again = await openDatabase(target.config, { poolSize: 2 });
    try {
      // Exactly the backup again: the token made after the first restore and the added file are gone.
      const ids = (await again.db.selectFrom("api_tokens").select("id").execute()).map((r) => r.id);
      expect(ids.sort((a, b) => a - b)).toEqual(restoredTokens);
    } finally {
      await again.close();
    }
    expect(existsSync(path.join(target.dataDir, "media", "them-sau.jpg"))).toBe(false);
  });

  it("refuses an existing backup folder, a damaged backup and a backup of the other engine", async () => {
    await expect(
      createBackup({ database, source: source.config, dataDir: source.dataDir, target: backupDir }),
    ).rejects.toThrow(/already exists/);
    const damaged = path.join(path.dirname(backupDir), "hong");
    await createBackup({ database, source: source.config, dataDir: source.dataDir, target: damaged });
    writeFileSync(path.join(damaged, "media", "0123456789abcdef0123456789abcdef.jpg"), "ảnh khác");
    const target = await emptyPlace(engine);
    await expect(
      restoreBackup({ source: damaged, target: target.config, dataDir: target.dataDir, force: false }),
    ).rejects.toThrow("backup damaged: media/0123456789abcdef0123456789abcdef.jpg differs from the manifest");

    // A damaged database file is refused the same way, before anything is touched.
    const damagedDb = path.join(path.dirname(backupDir), "hong-csdl");
    const manifest = await createBackup({
      database,
      source: source.config,
      dataDir: source.dataDir,
      target: damagedDb,
    });
    const databaseFile = manifest.files.find(
      (f) => f.path === manifest.database || f.path === `${manifest.database}/api_tokens.csv`,
    );
    if (!databaseFile) throw new Error("no database file in the manifest");
    appendFileSync(path.join(damagedDb, databaseFile.path), "1\n");
    await expect(
      restoreBackup({ source: damagedDb, target: target.config, dataDir: target.dataDir, force: false }),
    ).rejects.toThrow(`backup damaged: ${databaseFile.path} differs from the manifest`);
    const untouched = await openDatabase(target.config, { poolSize: 2 });
    try {
      expect(await untouched.db.introspection.getTables()).toEqual([]);
    } finally {
      await untouched.close();
    }

    const other = await emptyPlace(engine === "sqlite" ? "postgres" : "sqlite");
    await expect(
      restoreBackup({ source: backupDir, target: other.config, dataDir: other.dataDir, force: false }),
    ).rejects.toThrow(/restore into the same engine/);
  });

  // PostgreSQL only: the manifest's row counts and older migrations are the logical backup's; SQLite copies the file.
  if (engine === "postgres")
    it("refuses table files whose row counts differ from the manifest, and leaves no rows behind", async () => {
      const folder = path.join(path.dirname(backupDir), "sai-so-dong");
      await createBackup({ database, source: source.config, dataDir: source.dataDir, target: folder });
      const manifestFile = path.join(folder, "manifest.json");
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
      const users = manifest.postgres?.tables.find((t) => t.name === "users");
      if (!users) throw new Error("no users table in the manifest");
      expect(users.rows).toBe(1);
      users.rows = 2;
      writeFileSync(manifestFile, JSON.stringify(manifest));
      const target = await emptyPlace(engine);
      await expect(
        restoreBackup({ source: folder, target: target.config, dataDir: target.dataDir, force: false }),
      ).rejects.toThrow("backup damaged: database/users.csv holds 1 rows, the manifest says 2");
      const restored = await openDatabase(target.config, { poolSize: 2 });
      try {
        expect(await restored.db.selectFrom("users").select("id").execute()).toEqual([]);
        expect(await restored.db.selectFrom("audit_events").select("id").limit(1).execute()).toEqual([]);
      } finally {
        await restored.close();
      }
    });

  // PostgreSQL only: the manifest's row counts and older migrations are the logical backup's; SQLite copies the file.
  if (engine === "postgres")
    it("restores a backup of an older version's schema, with a table referencing itself and awkward text, then migrates it; refuses a newer version's", async () => {
      const older = await emptyPlace(engine);
      const known = migrationNames("postgres");
      const previous = known.at(-2);
      if (!previous) throw new Error("fewer than two migrations");
      const old = await openDatabase(older.config, { poolSize: 2 });
      let rows: unknown[];
      try {
        await migrateUpTo(old.db, "postgres", previous);
        const unitId = await createUnit(old.db, { name: "Phường Bến Nghé" });
        const directive = (title: string, assigner: string | null) => ({
          title,
          lead_unit_id: unitId,
          assigning_unit_id: unitId,
          assigner_name: assigner,
          deadline_kind: "none",
          state: "assigned",
          progress_percent: 0,
          created_at: "2026-01-01T00:00:00.000Z",
          updated_at: "2026-01-01T00:00:00.000Z",
        });
        const child = await old.db
          .insertInto("directives")
          .values(directive('Giao "việc" con,\ndòng hai', ""))
          .returning("id")
          .executeTakeFirstOrThrow();
        const parent = await old.db
          .insertInto("directives")
          .values(directive("Việc cha; \\N không phải NULL", null))
          .returning("id")
          .executeTakeFirstOrThrow();
        // The child's id is lower than its parent's: loading by id order alone would break the key.
        await old.db
          .updateTable("directives")
          .set({ parent_id: parent.id })
          .where("id", "=", child.id)
          .execute();
        rows = await old.db.selectFrom("directives").selectAll().orderBy("id").execute();
      } finally {
        await old.close();
      }
      const folder = path.join(path.dirname(backupDir), "phien-ban-cu");
      const oldDatabase = await openDatabase(older.config, { poolSize: 2 });
      try {
        const manifest = await createBackup({
          database: oldDatabase,
          source: older.config,
          dataDir: older.dataDir,
          target: folder,
        });
        expect(manifest.postgres?.migrations).toEqual(known.slice(0, -1));
      } finally {
        await oldDatabase.close();
      }

      const target = await emptyPlace(engine);
      await restoreBackup({ source: folder, target: target.config, dataDir: target.dataDir, force: false });
      const restored = await openDatabase(target.config, { poolSize: 2 });
      try {
        expect(await restored.db.selectFrom("directives").selectAll().orderBy("id").execute()).toEqual(rows);
        // Migrated to this version afterwards.
        expect(await migrateToLatest(restored.db, "postgres")).toEqual([]);
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
          restored.db,
        );
        expect(applied.rows.map((r) => r.name)).toEqual(known);
      } finally {
        await restored.close();
      }

      const manifestFile = path.join(folder, "manifest.json");
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
      manifest.postgres?.migrations.push("9999-tuong-lai");
      writeFileSync(manifestFile, JSON.stringify(manifest));
      const another = await emptyPlace(engine);
      await expect(
        restoreBackup({ source: folder, target: another.config, dataDir: another.dataDir, force: false }),
      ).rejects.toThrow(/are not this version's; restore it with the version that made it/);
    });
});
