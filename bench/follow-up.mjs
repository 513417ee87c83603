// Follow-up view over 100.000 directives led by 3.321 units, on SQLite and PostgreSQL: the app's path
// (the maintained follow-up counters, then follow-up.math and the labels: what the page and the API
// run) against a hand-written SQL aggregate over the directives computing the same figures per unit,
// and against the app's earlier path (one GROUP BY over the directives, kept as
// followUpBucketsFromRows), in the same run; and the time to rebuild the counters from the
// directives. Data is generated into temporary databases; it runs against dist/ (npm run build).
// Sizes: BENCH_UNITS, BENCH_DIRECTIVES, BENCH_RUNS; BENCH_ENGINES=sqlite or postgres for one engine.
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { migrateToLatest } from "../dist/app/migrations.js";
import { openDatabase } from "../dist/core/db/database.js";
import { dayOf, deadlineColumns } from "../dist/directives/directives.model.js";
import { followUpBucketsFromRows } from "../dist/directives/follow-up/follow-up.repo.js";
import { buildReport, reportOfScope } from "../dist/directives/follow-up/follow-up.service.js";
import { rebuildFollowUpCounters } from "../dist/directives/follow-up/follow-up-counters.repo.js";
import { sqlClock } from "../dist/directives/timeliness-sql.js";
import { fmt, insertBatches, random, startPostgres } from "./lib.mjs";

const UNITS = Number(process.env.BENCH_UNITS ?? 3321);
const DIRECTIVES = Number(process.env.BENCH_DIRECTIVES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NOW = new Date("2021-06-30T03:00:00Z"); // the day the figures are read, in Hà Nội
const TODAY = "2021-06-30";
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const GOAL_MS = 50;

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2020, 0, 1);
const SPAN_DAYS = 3 * 365;

function directiveRow(rand, unitIds, noticeIds, personIds, cityId, at) {
  const r = rand();
  const kind =
    r < 0.1
      ? "recurring"
      : r < 0.15
        ? "none"
        : r < 0.55
          ? "date"
          : r < 0.7
            ? "month"
            : r < 0.8
              ? "quarter"
              : "year";
  const date =
    kind === "recurring" || kind === "none"
      ? null
      : isoDay(START + Math.floor(rand() * SPAN_DAYS) * 86_400_000);
  const cols = deadlineColumns(kind, date);
  const s = rand();
  const state =
    s < 0.35
      ? "confirmed"
      : s < 0.42
        ? "submitted"
        : s < 0.55
          ? "assigned"
          : s < 0.7
            ? "received"
            : s < 0.9
              ? "in_progress"
              : s < 0.94
                ? "returned"
                : s < 0.97
                  ? "paused"
                  : "cancelled";
  let submittedAt = null;
  if (state === "confirmed" || state === "submitted") {
    // Around the deadline, a third of them late; never after the day the figures are read.
    const anchor = cols.deadline_end
      ? Date.parse(`${cols.deadline_end}T10:00:00Z`)
      : START + rand() * SPAN_DAYS * 86_400_000;
    const instant = Math.min(anchor + (rand() * 60 - 40) * 86_400_000, NOW.getTime() - 86_400_000);
    submittedAt = new Date(instant).toISOString();
  }
  return {
    notice_id: noticeIds[Math.floor(rand() * noticeIds.length)],
    item_id: null,
    parent_id: null,
    proposal_id: null,
    title: "Nhiệm vụ thử nghiệm",
    lead_unit_id: unitIds[Math.floor(rand() * unitIds.length)],
    lead_organisation_id: null,
    assigning_unit_id: cityId,
    assigner_person_id: personIds[Math.floor(rand() * personIds.length)],
    assigner_name: null,
    deadline_kind: kind,
    deadline_date: date,
    deadline_phrase: null,
    ...cols,
    state,
    state_before_pause: null,
    progress_percent: state === "confirmed" ? 100 : Math.floor(rand() * 90),
    submitted_at: submittedAt,
    submitted_day: dayOf(submittedAt),
    confirmed_at: state === "confirmed" ? submittedAt : null,
    created_by: null,
    created_at: at,
    updated_at: at,
  };
}

export async function generate(db) {
  const at = new Date("2020-01-01T00:00:00Z").toISOString();
  const unit = (name, level) => ({
    name,
    level,
    code: null,
    valid_from: "2003-11-06",
    valid_to: null,
    address: null,
    phone: null,
    email: null,
    intro: null,
    created_at: at,
    updated_at: at,
  });
  const city = await db
    .insertInto("units")
    .values(unit("Cả nước", "city"))
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertBatches(
    db,
    "units",
    Array.from({ length: UNITS }, (_, i) => unit(`Phường ${i + 1}`, "ward")),
  );
  const unitIds = (await db.selectFrom("units").select("id").where("level", "=", "ward").execute()).map(
    (r) => r.id,
  );
  await insertBatches(
    db,
    "unit_parents",
    unitIds.map((id) => ({ unit_id: id, parent_id: city.id, valid_from: "2003-11-06", valid_to: null })),
  );
  await insertBatches(
    db,
    "people",
    Array.from({ length: 40 }, (_, i) => ({ full_name: `Lãnh đạo ${i + 1}`, biography: null })),
  );
  const personIds = (await db.selectFrom("people").select("id").execute()).map((r) => r.id);
  const notice = (i) => ({
    session_id: null,
    number: `${i + 1}-TB/UB`,
    issued_on: isoDay(START + i * 86_400_000),
    issuing_unit_id: city.id,
    issuing_body: "UBND",
    parent_body: null,
    place_name: "Hà Nội",
    title: "Thông báo kết luận",
    preamble: null,
    signer_person_id: null,
    signer_name: "Chủ tịch",
    signer_title: "Chủ tịch",
    signing_authority: null,
    recipients: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  await insertBatches(
    db,
    "conclusion_notices",
    Array.from({ length: 500 }, (_, i) => notice(i)),
  );
  const noticeIds = (await db.selectFrom("conclusion_notices").select("id").execute()).map((r) => r.id);
  const rand = random(20200102);
  const rows = Array.from({ length: DIRECTIVES }, () =>
    directiveRow(rand, unitIds, noticeIds, personIds, city.id, at),
  );
  await insertBatches(db, "directives", rows);
}

/** The baseline: the same per-unit figures straight from one hand-written GROUP BY. */
export function baselineSql(today) {
  return sql`
    SELECT lead_unit_id,
      COUNT(*) AS total,
      SUM(CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
      SUM(CASE WHEN state = 'confirmed' THEN 1 ELSE 0 END) AS completed,
      SUM(CASE WHEN state = 'confirmed' AND deadline_day IS NOT NULL AND submitted_day > deadline_day THEN 1 ELSE 0 END) AS completed_late,
      SUM(CASE WHEN state IN ('assigned','received','in_progress','returned') AND deadline_day < ${sql.lit(today)} THEN 1
               WHEN state = 'submitted' AND submitted_day > deadline_day THEN 1 ELSE 0 END) AS overdue,
      MAX(CASE WHEN state IN ('assigned','received','in_progress','returned') AND deadline_day < ${sql.lit(today)} THEN ${sql.lit(today)} - deadline_day
               WHEN state = 'submitted' AND submitted_day > deadline_day THEN submitted_day - deadline_day END) AS longest
    FROM directives GROUP BY lead_unit_id`;
}

async function time(fn) {
  for (let i = 0; i < 3; i += 1) await fn();
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    medianMs: samples[Math.floor(samples.length / 2)],
    p95Ms: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)],
  };
}

/** Generates the directives beside the app (as an import would), then rebuilds the counters, timed. */
async function prepare(database) {
  const db = database.db;
  await db.transaction().execute((trx) => generate(trx));
  const t0 = performance.now();
  const counterRows = await rebuildFollowUpCounters(db);
  const rebuildMs = performance.now() - t0;
  await sql`ANALYZE`.execute(db);
  return { counterRows, rebuildMs };
}

async function measure(database, prepared) {
  const db = database.db;
  const clock = sqlClock(NOW);
  // The app's path, as the page and the API run it for a system admin.
  const view = (by) => reportOfScope(db, { by }, "all", clock);
  const viewFromRows = async (by) =>
    buildReport(db, by, "month", await followUpBucketsFromRows(db, by, { scope: "all" }, clock), TODAY);
  const report = await view("lead");
  const base = (await baselineSql(clock.today).execute(db)).rows;
  const sum = (k) => base.reduce((a, r) => a + Number(r[k]), 0);
  // The paths must agree before their times mean anything: the counters give the very report the
  // aggregate over the directives gives, and the totals of the hand-written SQL.
  for (const by of ["lead", "period"]) {
    if (JSON.stringify(await view(by)) !== JSON.stringify(await viewFromRows(by)))
      throw new Error(`follow-up by ${by}: the counters and the directives disagree`);
  }
  if (
    report.total.total !== sum("total") ||
    report.total.completed !== sum("completed") ||
    report.total.overdue !== sum("overdue") ||
    report.groups.length !== base.length
  ) {
    throw new Error(
      `follow-up and baseline disagree: ${JSON.stringify(report.total)} vs ${sum("total")}/${sum("completed")}/${sum("overdue")}`,
    );
  }
  return {
    ...prepared,
    groups: report.groups.length,
    completed: report.total.completed,
    overdue: report.total.overdue,
    byLead: await time(() => view("lead")),
    byPeriod: await time(() => view("period")),
    byLeadFromRows: await time(() => viewFromRows("lead")),
    byPeriodFromRows: await time(() => viewFromRows("period")),
    baseline: await time(() => baselineSql(clock.today).execute(db)),
  };
}

async function onSqlite(dir) {
  const database = await openDatabase({ kind: "sqlite", file: path.join(dir, "bench.sqlite") });
  try {
    await migrateToLatest(database.db, "sqlite");
    return await measure(database, await prepare(database));
  } finally {
    await database.close();
  }
}

async function onPostgres() {
  const server = await startPostgres();
  try {
    const database = await openDatabase({ kind: "postgres", url: server.url }, { poolSize: 2 });
    try {
      await migrateToLatest(database.db, "postgres");
      return await measure(database, await prepare(database));
    } finally {
      await database.close();
    }
  } finally {
    await server.stop();
  }
}

export async function benchFollowUp() {
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-bench-follow-up-"));
  try {
    const loadBefore = os.loadavg()[0];
    const sqlite = ENGINES.includes("sqlite") ? await onSqlite(dir) : null;
    const postgres = ENGINES.includes("postgres") ? await onPostgres() : null;
    // Timings mean little on a busy machine: the report says how busy it was.
    return {
      units: UNITS,
      directives: DIRECTIVES,
      runs: RUNS,
      loadBefore,
      loadAverage: os.loadavg()[0],
      sqlite,
      postgres,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reportFollowUp(r) {
  const met = (ms) => (ms < GOAL_MS ? "yes" : "**no**");
  const line = (engine, m, label, app, fromRows) =>
    `| ${engine}, ${label} | ${fmt(app.medianMs)} | ${fmt(app.p95Ms)} | ${fmt(m.baseline.medianMs)} | ${fmt(app.medianMs / m.baseline.medianMs, 2)}× | ${fmt(fromRows.medianMs)} | ${met(app.medianMs)} |`;
  const engines = [
    ["SQLite", r.sqlite],
    ["PostgreSQL", r.postgres],
  ].filter(([, m]) => m !== null);
  const first = engines[0]?.[1];
  return [
    `### Follow-up view from maintained counters: ${fmt(r.directives, 0)} directives, ${fmt(r.units, 0)} lead units (median of ${r.runs} runs)`,
    "",
    `| view | counters (app), median ms | p95 ms | hand-written SQL aggregate over the directives, median ms | ratio | earlier app path (GROUP BY over the directives), median ms | under ${GOAL_MS} ms |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
    ...engines.flatMap(([engine, m]) => [
      line(engine, m, `by lead unit (${fmt(m.groups, 0)} rows)`, m.byLead, m.byLeadFromRows),
      line(engine, m, "by period (month)", m.byPeriod, m.byPeriodFromRows),
    ]),
    "",
    "| rebuild of the counters from the directives | ms | counter rows |",
    "| --- | ---: | ---: |",
    ...engines.map(([engine, m]) => `| ${engine} | ${fmt(m.rebuildMs, 0)} | ${fmt(m.counterRows, 0)} |`),
    "",
    `Load average: ${fmt(r.loadBefore, 2)} at the start, ${fmt(r.loadAverage, 2)} at the end, on ${os.cpus().length} cores.`,
    "",
    `The counters give the very report the GROUP BY over the directives gives (checked by lead and by period before timing) and the hand-written SQL's totals${first ? ` (${fmt(first.completed, 0)} completed, ${fmt(first.overdue, 0)} overdue)` : ""}. The view includes the labels of every group and follow-up.math's summaries; the baseline returns raw per-unit counts only.`,
    "",
  ].join("\n");
}

// `node bench/follow-up.mjs` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(reportFollowUp(await benchFollowUp()));
}
