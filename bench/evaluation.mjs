// Evaluation at national scale: 3.321 wards × 60 indicators × 10 years of approved results, generated
// straight into a temporary SQLite database and an embedded PostgreSQL, their result summaries then
// built by the app's rebuildResultSummaries (timed). Times one ward's full evaluation (a year and a
// term) and the ranking input of every ward under one parent, through the compiled services in dist/
// (`npm run build` first), which read the summaries; beside, in the same run, two baselines over the
// source rows: a hand-written single SQL aggregate (the floor of reading `results`), and the same
// service reading `results` instead of the summaries (the path before issue 17).
//
// Standalone: `npm run build && node bench/evaluation.mjs` prints the Markdown section. For a quick
// check: BENCH_WARDS=100 (fewer wards), BENCH_ENGINES=sqlite (skip PostgreSQL); BENCH_DEBUG=1 shows
// PostgreSQL's log; BENCH_EVALUATION_PART=comparable times only the comparable-base ranking.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { migrateToLatest } from "../dist/app/migrations.js";
import { openDatabase } from "../dist/core/db/database.js";
import { targetsEvaluationSource } from "../dist/emulation/targets-evaluation-source.js";
import { evaluateChildrenOnComparableBase } from "../dist/targets/comparable/comparable-base.service.js";
import { evaluateChildren } from "../dist/targets/evaluation/children-evaluation.service.js";
import { evaluateUnit } from "../dist/targets/evaluation/evaluation.service.js";
import { bumpEpochs } from "../dist/targets/outcomes/ranking-outcomes.repo.js";
import { childrenOutcomes } from "../dist/targets/outcomes/ranking-outcomes.service.js";
import { RESULT_FIGURES, SUMMARY_FIGURES } from "../dist/targets/summaries/figure-sources.repo.js";
import { maintainResultSummaries } from "../dist/targets/summaries/result-summaries.repo.js";
import { rebuildResultSummaries } from "../dist/targets/summaries/result-summaries.service.js";
import { fmt, insertBatches, startPostgres } from "./lib.mjs";

const WARDS = Number(process.env.BENCH_WARDS ?? 3321);
/** BENCH_EVALUATION_PART=comparable: only the comparable-base ranking, beside its one-by-one baseline. */
const ONLY = process.env.BENCH_EVALUATION_PART ?? null;
const INDICATORS = 60;
const YEARS = Array.from({ length: 10 }, (_, i) => 2010 + i);
const NOW = "2020-01-02T08:00:00.000Z";

/** Direction and mode of the k-th indicator: mostly amounts, some rates, ceilings and floors. */
function kindOf(k) {
  if (k % 6 === 1) return { direction: "higher_is_better", mode: "points", unit: "%", type: "rate" };
  if (k % 6 === 2) return { direction: "lower_is_better", mode: "points", unit: "%", type: "rate" };
  if (k % 6 === 3) return { direction: "floor", mode: "points", unit: "%", type: "rate" };
  return { direction: "higher_is_better", mode: "ratio", unit: "tỷ đồng", type: "number" };
}

/** Units, indicators and targets through Kysely; the 2 million results by one INSERT … SELECT. */
export async function generate(db) {
  const unit = (name, level) => ({
    name,
    level,
    code: null,
    valid_from: "2000-01-01",
    valid_to: null,
    address: null,
    phone: null,
    email: null,
    intro: null,
    created_at: NOW,
    updated_at: NOW,
  });
  const { id: parentId } = await db
    .insertInto("units")
    .values(unit("Cả nước", "country"))
    .returning("id")
    .executeTakeFirstOrThrow();
  const wards = Array.from({ length: WARDS }, (_, i) => unit(`Phường ${i + 1}`, "ward"));
  await insertBatches(db, "units", wards);
  await db
    .insertInto("unit_parents")
    .columns(["unit_id", "parent_id", "valid_from", "valid_to"])
    .expression((eb) =>
      eb
        .selectFrom("units")
        .select(["id", sql.lit(parentId).as("p"), sql.lit("2000-01-01").as("f"), sql.lit(null).as("t")])
        .where("level", "=", "ward"),
    )
    .execute();
  const indicators = Array.from({ length: INDICATORS }, (_, k) => {
    const kind = kindOf(k);
    return {
      code: `CT${k + 1}`,
      name: `Chỉ tiêu ${k + 1}`,
      field: "Thử",
      unit_of_measure: kind.unit,
      value_type: kind.type,
      direction: kind.direction,
      comparison_mode: kind.mode,
      term_aggregation: "mean",
      responsible_organisation_id: null,
      definition: null,
      is_public: 1,
      sort_order: k,
      created_at: NOW,
      updated_at: NOW,
    };
  });
  await insertBatches(db, "indicators", indicators);
  const ids = await db.selectFrom("indicators").select(["id", "direction"]).orderBy("id").execute();
  const targets = [];
  for (const [k, indicator] of ids.entries()) {
    const value =
      indicator.direction === "higher_is_better" && k % 6 !== 1
        ? 20 + k
        : indicator.direction === "lower_is_better"
          ? 5
          : 90;
    for (const year of YEARS) {
      targets.push({
        indicator_id: indicator.id,
        unit_id: parentId,
        applies_to: "children",
        period_kind: "year",
        period_key: String(year),
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        aggregation: null,
        level_kind: "value",
        value,
        min_value: null,
        max_value: null,
        revision: 0,
        document: null,
        note: null,
        created_by: null,
        created_at: NOW,
      });
    }
    targets.push({
      indicator_id: indicator.id,
      unit_id: parentId,
      applies_to: "children",
      period_kind: "term",
      period_key: "2015-2020",
      period_start: "2015-01-01",
      period_end: "2019-12-31",
      aggregation: "mean",
      level_kind: "value",
      value,
      min_value: null,
      max_value: null,
      revision: 0,
      document: null,
      note: null,
      created_by: null,
      created_at: NOW,
    });
  }
  await insertBatches(db, "targets", targets);
  // Each figure is its target times 0,80…1,199, spread by a hash of unit, indicator and year.
  await sql`
    INSERT INTO results (indicator_id, unit_id, period_key, period_start, period_end, version, value, source, note,
      status, entered_by, submitted_at, approved_by, approved_at, reopen_reason, return_reason, created_at, updated_at)
    SELECT t.indicator_id, p.unit_id, t.period_key, t.period_start, t.period_end, 'final',
      t.value * (0.8 + ((p.unit_id * 7919 + t.indicator_id * 104729 + CAST(t.period_key AS integer) * 31) % 400) / 1000.0),
      NULL, NULL, 'approved', NULL, ${NOW}, NULL, ${NOW}, NULL, NULL, ${NOW}, ${NOW}
    FROM unit_parents p CROSS JOIN targets t
    WHERE p.parent_id = ${parentId} AND t.unit_id = ${parentId} AND t.period_kind = 'year'`.execute(db);
  return {
    parentId,
    oneWard: (
      await db
        .selectFrom("unit_parents")
        .select("unit_id")
        .where("parent_id", "=", parentId)
        .orderBy("unit_id")
        .limit(1)
        .executeTakeFirstOrThrow()
    ).unit_id,
  };
}

/**
 * The baseline: one hand-written SQL aggregate computing, per ward, how many of its targets for the
 * year are met and exceeded, and the same 0–100 score, from approved final figures and the parent's
 * targets. It does less than the service (no revisions, estimates, wording, own-target override),
 * which is the point: it is the floor the service is measured against.
 */
export function baseline(db, parentId, periodKey, unitId = null) {
  const met = sql`CASE WHEN (i.direction = 'lower_is_better' AND r.value <= t.value) OR (i.direction <> 'lower_is_better' AND r.value >= t.value) THEN 1 ELSE 0 END`;
  const exceeded = sql`CASE WHEN (i.direction = 'lower_is_better' AND r.value < t.value) OR (i.direction <> 'lower_is_better' AND r.value > t.value) THEN 1 ELSE 0 END`;
  return sql`
    SELECT r.unit_id, SUM(${met}) AS met, SUM(${exceeded}) AS exceeded, COUNT(*) AS assigned,
      50.0 * (SUM(${met}) + SUM(${exceeded})) / COUNT(*) AS score
    FROM results r
    JOIN unit_parents p ON p.unit_id = r.unit_id AND p.parent_id = ${parentId} ${unitId === null ? sql`` : sql`AND p.unit_id = ${unitId}`}
    JOIN targets t ON t.unit_id = p.parent_id AND t.indicator_id = r.indicator_id AND t.period_key = r.period_key AND t.applies_to = 'children'
    JOIN indicators i ON i.id = r.indicator_id
    WHERE r.period_key = ${periodKey} AND r.status = 'approved' AND r.version = 'final' ${unitId === null ? sql`` : sql`AND r.unit_id = ${unitId}`}
    GROUP BY r.unit_id`.execute(db);
}

/**
 * The term baseline: the same score for the 2015–2020 term, from the annual mean of each ward's final
 * figures over 2015–2019 (every bench target is a mean) against the parent's term targets, in one
 * hand-written SQL aggregate. A mean within 1e-9 of its target counts as on it, as in the service.
 */
export function termBaseline(db, parentId, unitId = null) {
  const eps = sql`1e-9 * (1 + abs(t.value))`;
  const met = sql`CASE WHEN a.n <> 5 THEN 0 WHEN (i.direction = 'lower_is_better' AND a.v <= t.value + ${eps}) OR (i.direction <> 'lower_is_better' AND a.v >= t.value - ${eps}) THEN 1 ELSE 0 END`;
  const exceeded = sql`CASE WHEN a.n <> 5 THEN 0 WHEN (i.direction = 'lower_is_better' AND a.v < t.value - ${eps}) OR (i.direction <> 'lower_is_better' AND a.v > t.value + ${eps}) THEN 1 ELSE 0 END`;
  return sql`
    SELECT a.unit_id, 50.0 * (SUM(${met}) + SUM(${exceeded})) / COUNT(*) AS score
    FROM (
      SELECT r.unit_id, r.indicator_id, AVG(r.value) AS v, COUNT(*) AS n
      FROM results r
      JOIN unit_parents p ON p.unit_id = r.unit_id AND p.parent_id = ${parentId} ${unitId === null ? sql`` : sql`AND p.unit_id = ${unitId}`}
      WHERE r.period_key IN ('2015', '2016', '2017', '2018', '2019') AND r.status = 'approved' AND r.version = 'final' ${unitId === null ? sql`` : sql`AND r.unit_id = ${unitId}`}
      GROUP BY r.unit_id, r.indicator_id
    ) a
    JOIN targets t ON t.unit_id = ${parentId} AND t.indicator_id = a.indicator_id AND t.period_key = '2015-2020' AND t.applies_to = 'children'
    JOIN indicators i ON i.id = a.indicator_id
    GROUP BY a.unit_id`.execute(db);
}

/** How many wards' scores differ from a baseline's by more than 0,01. */
async function mismatchesOf(evaluation, query) {
  const result = await query;
  const scores = result.units
    ? new Map(result.units.map((u) => [u.unit.id, u.score]))
    : new Map(result.rows.map((r) => [Number(r.unit_id), Number(r.score)]));
  return evaluation.units.filter((u) => Math.abs((u.score ?? -1) - (scores.get(u.unit.id) ?? -2)) > 0.01)
    .length;
}

async function time(fn, runs) {
  await fn(); // warm-up: caches, prepared statements, JIT
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)],
    p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)],
  };
}

/** Median and worst of `runs` timed calls of `fn`, each after an untimed `before()`. */
async function timeAfter(before, fn, runs) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    await before(i);
    const start = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)],
    p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)],
  };
}

/**
 * The ranking read after one ward's approved 2019 figure changed (doubled, then halved back, in turn),
 * as an approval writes it: the result and the ward's summaries in one transaction, which makes that
 * ward's kept outcomes stale. The read evaluates that ward again; the others are read as kept.
 */
function timeOneWardChanged(db, query, ward, runs) {
  const change = (i) =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("results")
        .select(["id", "indicator_id"])
        .where("unit_id", "=", ward)
        .where("period_key", "=", "2019")
        .orderBy("id")
        .limit(1)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("results")
        .set((eb) => ({ value: eb("value", "*", i % 2 === 0 ? 2 : 0.5) }))
        .where("id", "=", row.id)
        .execute();
      await maintainResultSummaries(trx, [
        { unitId: ward, indicatorId: row.indicator_id, periodKey: "2019" },
      ]);
    });
  // An even number of changes leaves the figure as generated.
  return timeAfter(change, () => childrenOutcomes(db, query), runs % 2 === 0 ? runs : runs + 1);
}

/** The ranking read after a parent's target for all children changed: every kept outcome stale. */
function timeEveryChildStale(db, query, runs) {
  return timeAfter(
    () => bumpEpochs(db, [query.parentId]),
    () => childrenOutcomes(db, query),
    runs,
  );
}

/** How many wards' kept scores differ from a fresh evaluation's. */
async function keptMismatches(db, query) {
  const fresh = await evaluateChildren(db, query);
  const kept = new Map((await childrenOutcomes(db, query)).map((o) => [o.unitId, o.score]));
  return fresh.units.filter((u) => kept.get(u.unit.id) !== u.score).length;
}

/** The comparable-base ranking (one run), the same wards one by one as it read them before, the full evaluation. */
async function measureComparable(db, parentId, wardIds) {
  // Every bench ward existed in 2019: each is on its own base, evaluated in bulk among its parent's.
  const query = { parentId, periodKey: "2019", date: "2020-01-02", publicOnly: false };
  const comparable = await timeAfter(
    () => {},
    () => evaluateChildrenOnComparableBase(db, query),
    1,
  );
  const oneByOne = await timeAfter(
    () => {},
    async () => {
      for (const unitId of wardIds) await evaluateUnit(db, { unitId, periodKey: "2019" });
    },
    1,
  );
  const fresh = await evaluateChildren(db, { parentId, periodKey: "2019" });
  const scores = new Map(
    (await evaluateChildrenOnComparableBase(db, query)).map((u) => [u.unit.id, u.score]),
  );
  return {
    comparable,
    oneByOne,
    rankingYear: await time(() => evaluateChildren(db, { parentId, periodKey: "2019" }), 3),
    comparableMismatches: fresh.units.filter((u) => scores.get(u.unit.id) !== u.score).length,
  };
}

/** The Markdown of a BENCH_EVALUATION_PART=comparable run. */
function reportComparable(r) {
  const out = [
    `### The comparable-base ranking (issue 17; ${r.wards.toLocaleString("vi-VN")} wards × ${r.indicators} indicators × ${r.years} years, 2019)`,
    "",
    "`evaluateChildrenOnComparableBase`: wards that existed at the period's date evaluated in bulk among their parent's children then (one run), against the same wards evaluated one by one with `evaluateUnit` as it did before (one run) and the ranking's full evaluation (`evaluateChildren`, median of 3), in the same run. Every bench ward existed in 2019, so each is on its own base.",
    "",
    "| engine | comparable base ms | one by one (before) ms (× now) | full evaluation median ms | scores differing from the full evaluation | load average |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const e of r.results)
    out.push(
      `| ${e.engine} | ${fmt(e.comparable.median, 0)} | ${fmt(e.oneByOne.median, 0)} (${fmt(e.oneByOne.median / e.comparable.median, 1)}×) | ${fmt(e.rankingYear.median, 0)} | ${e.comparableMismatches} | ${fmt(e.load, 1)} |`,
    );
  out.push("");
  return out.join("\n");
}

async function measure(database) {
  const db = database.db;
  await migrateToLatest(db, database.dialect);
  const started = Date.now();
  const { parentId, oneWard } = await generate(db);
  const generateSeconds = (Date.now() - started) / 1000;
  const rebuildStarted = Date.now();
  await rebuildResultSummaries(db);
  const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
  if (database.dialect === "postgres") await sql`ANALYZE`.execute(db);
  const wardIds = (
    await db.selectFrom("unit_parents").select("unit_id").where("parent_id", "=", parentId).execute()
  ).map((r) => r.unit_id);
  const rows = Number(
    (
      await db
        .selectFrom("results")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const head = { engine: database.dialect, load: loadavg()[0], rows, generateSeconds, rebuildSeconds };
  if (ONLY === "comparable") return { ...head, ...(await measureComparable(db, parentId, wardIds)) };
  const mismatches = await mismatchesOf(
    await evaluateChildren(db, { parentId, periodKey: "2019" }),
    baseline(db, parentId, "2019"),
  );
  const termMismatches = await mismatchesOf(
    await evaluateChildren(db, { parentId, periodKey: "2015-2020" }),
    termBaseline(db, parentId),
  );
  const old = { figures: RESULT_FIGURES };
  const readYear = (source) =>
    source.ofChildren(db, { parentId, date: "2019-12-31", periodKeys: ["2019"] }, () => {});
  const readTerm = (source) =>
    source.termAggregates(db, { scope: { parentId, date: "2020-12-31" }, windows: [[2015, 2019]] }, () => {});
  const oldMismatches =
    (await mismatchesOf(
      await evaluateChildren(db, { parentId, periodKey: "2019" }),
      evaluateChildren(db, { parentId, periodKey: "2019", ...old }),
    )) +
    (await mismatchesOf(
      await evaluateChildren(db, { parentId, periodKey: "2015-2020" }),
      evaluateChildren(db, { parentId, periodKey: "2015-2020", ...old }),
    ));
  return {
    engine: database.dialect,
    load: loadavg()[0],
    rows,
    generateSeconds,
    rebuildSeconds,
    mismatches,
    termMismatches,
    oldMismatches,
    wardYear: await time(() => evaluateUnit(db, { unitId: oneWard, periodKey: "2019" }), 50),
    wardTerm: await time(() => evaluateUnit(db, { unitId: oneWard, periodKey: "2015-2020" }), 50),
    wardBaseline: await time(() => baseline(db, parentId, "2019", oneWard), 50),
    wardTermBaseline: await time(() => termBaseline(db, parentId, oneWard), 50),
    wardYearOld: await time(() => evaluateUnit(db, { unitId: oneWard, periodKey: "2019", ...old }), 50),
    wardTermOld: await time(() => evaluateUnit(db, { unitId: oneWard, periodKey: "2015-2020", ...old }), 50),
    rankingYear: await time(() => evaluateChildren(db, { parentId, periodKey: "2019" }), 7),
    rankingTerm: await time(() => evaluateChildren(db, { parentId, periodKey: "2015-2020" }), 7),
    rankingBaseline: await time(() => baseline(db, parentId, "2019"), 5),
    rankingTermBaseline: await time(() => termBaseline(db, parentId), 3),
    // The reads alone (query and unpacking, no evaluation): what the summaries change.
    readYear: await time(() => readYear(SUMMARY_FIGURES), 7),
    readYearOld: await time(() => readYear(RESULT_FIGURES), 5),
    readTerm: await time(() => readTerm(SUMMARY_FIGURES), 7),
    readTermOld: await time(() => readTerm(RESULT_FIGURES), 3),
    // The ranking's scores from the kept outcomes (ranking-outcomes.service): fresh (kept by the
    // warm-up read), and stale (every outcome invalidated first: evaluated again and written back).
    keptYear: await time(() => childrenOutcomes(db, { parentId, periodKey: "2019" }), 15),
    keptTerm: await time(() => childrenOutcomes(db, { parentId, periodKey: "2015-2020" }), 15),
    oneWardYear: await timeOneWardChanged(db, { parentId, periodKey: "2019" }, oneWard, 16),
    oneWardTerm: await timeOneWardChanged(db, { parentId, periodKey: "2015-2020" }, oneWard, 16),
    staleYear: await timeEveryChildStale(db, { parentId, periodKey: "2019" }, 3),
    staleTerm: await timeEveryChildStale(db, { parentId, periodKey: "2015-2020" }, 3),
    keptMismatches:
      (await keptMismatches(db, { parentId, periodKey: "2019" })) +
      (await keptMismatches(db, { parentId, periodKey: "2015-2020" })),
    // The other full evaluations of every ward, not kept: the emulation scheme's indicator outcomes
    // (every ward's evaluation, per indicator) and the ranking on the comparable base (here every ward
    // existed in 2019, so each is on its own base, evaluated in bulk among its parent's children).
    schemeOutcomes: await time(
      () => targetsEvaluationSource.outcomes(db, { parentId, periodKey: "2019", unitIds: wardIds }),
      3,
    ),
    comparable: await timeAfter(
      () => {},
      () =>
        evaluateChildrenOnComparableBase(db, {
          parentId,
          periodKey: "2019",
          date: "2020-01-02",
          publicOnly: false,
        }),
      1,
    ),
    rankingYearOld: await time(() => evaluateChildren(db, { parentId, periodKey: "2019", ...old }), 3),
    rankingTermOld: await time(() => evaluateChildren(db, { parentId, periodKey: "2015-2020", ...old }), 3),
  };
}

export async function benchEvaluation() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-evaluation-"));
  const results = [];
  try {
    const sqlite = await openDatabase({ kind: "sqlite", file: path.join(dir, "bench.sqlite") });
    try {
      results.push(await measure(sqlite));
    } finally {
      await sqlite.close();
    }
    if (process.env.BENCH_ENGINES === "sqlite")
      return { wards: WARDS, indicators: INDICATORS, years: YEARS.length, results };
    const pg = await startPostgres();
    try {
      const postgres = await openDatabase({ kind: "postgres", url: pg.url }, { poolSize: 4 });
      try {
        results.push(await measure(postgres));
      } finally {
        await postgres.close();
      }
    } finally {
      await pg.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { wards: WARDS, indicators: INDICATORS, years: YEARS.length, results };
}

export function reportEvaluation(r) {
  if (ONLY === "comparable") return reportComparable(r);
  const line = (engine, what, app, base, old, goalMs) => {
    const goal = app.median < goalMs ? `< ${fmt(goalMs, 0)} ms: met` : `< ${fmt(goalMs, 0)} ms: not met`;
    const ratio = (b) => `${fmt(b.median / app.median, 1)}×`;
    return `| ${engine} | ${what} | ${fmt(app.median, 2)} | ${fmt(app.p95, 2)} | ${fmt(base.median, 2)} (${ratio(base)}) | ${fmt(old.median, 2)} (${ratio(old)}) | ${goal} |`;
  };
  const out = [
    `### Evaluation at national scale from result summaries and kept ranking outcomes (issue 17, part 4; ${r.wards.toLocaleString("vi-VN")} wards × ${r.indicators} indicators × ${r.years} years)`,
    "",
    "| engine | case | app (summaries) median ms | p95 ms | baseline SQL over `results`, median ms (× app) | service over `results`, median ms (× app) | goal |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const e of r.results) {
    out.push(line(e.engine, "one ward, year 2019", e.wardYear, e.wardBaseline, e.wardYearOld, 5));
    out.push(line(e.engine, "one ward, term 2015–2020", e.wardTerm, e.wardTermBaseline, e.wardTermOld, 5));
    out.push(
      line(
        e.engine,
        `ranking input, all ${r.wards} wards, 2019`,
        e.rankingYear,
        e.rankingBaseline,
        e.rankingYearOld,
        50,
      ),
    );
    out.push(
      line(
        e.engine,
        `ranking input, all ${r.wards} wards, term`,
        e.rankingTerm,
        e.rankingTermBaseline,
        e.rankingTermOld,
        50,
      ),
    );
  }
  out.push(
    "",
    "The ranking's scores from the kept ranking outcomes (migration 0026, one row per ward), against the full evaluation above in the same run. Kept: read again without a change. One ward changed: the first read after one ward's approved 2019 figure changed (written as an approval writes it, 16 times, each before a read): that ward is evaluated again and written back, the others read as kept. Every child stale: the first read after the parent's epoch was bumped (a parent's target for all children; 3 reads): every ward evaluated again and written back:",
    "",
    "| engine | ranking | kept median ms | p95 ms | one ward changed median ms | p95 ms | every child stale median ms | full evaluation median ms (× kept) | goal < 50 ms: kept / one ward changed |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  const met = (t) => (t.median < 50 ? "met" : "not met");
  for (const e of r.results) {
    for (const [what, kept, one, stale, full] of [
      [`all ${r.wards} wards, 2019`, e.keptYear, e.oneWardYear, e.staleYear, e.rankingYear],
      [`all ${r.wards} wards, term 2015–2020`, e.keptTerm, e.oneWardTerm, e.staleTerm, e.rankingTerm],
    ])
      out.push(
        `| ${e.engine} | ${what} | ${fmt(kept.median, 2)} | ${fmt(kept.p95, 2)} | ${fmt(one.median, 2)} | ${fmt(one.p95, 2)} | ${fmt(stale.median, 2)} | ${fmt(full.median, 2)} (${fmt(full.median / kept.median, 1)}×) | ${met(kept)} / ${met(one)} |`,
      );
  }
  out.push(
    "",
    "The other evaluations of every ward that nothing keeps yet, in the same run: the emulation scheme's indicator outcomes (`targetsEvaluationSource.outcomes`, every ward's evaluation per indicator for computed criteria; median of 3) and the ranking on the comparable base (`evaluateChildrenOnComparableBase`: the wards that existed at the period's date evaluated in bulk among their parent's children then; one run; every bench ward existed in 2019, so each is on its own base):",
    "",
    "| engine | evaluation, all wards, 2019 | median ms | full evaluation median ms |",
    "| --- | --- | ---: | ---: |",
  );
  for (const e of r.results) {
    out.push(
      `| ${e.engine} | scheme outcomes | ${fmt(e.schemeOutcomes.median, 2)} | ${fmt(e.rankingYear.median, 2)} |`,
    );
    out.push(
      `| ${e.engine} | comparable base | ${fmt(e.comparable.median, 2)} | ${fmt(e.rankingYear.median, 2)} |`,
    );
  }
  out.push(
    "",
    "The ranking's read alone (the query and unpacking of every ward's figures, no evaluation), from the summaries against the same read from `results`:",
    "",
    "| engine | read | summaries median ms | p95 ms | from `results` median ms | × |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  );
  for (const e of r.results) {
    for (const [what, app, old] of [
      ["2019, every ward's figures", e.readYear, e.readYearOld],
      ["2015–2020, every ward's term aggregates", e.readTerm, e.readTermOld],
    ])
      out.push(
        `| ${e.engine} | ${what} | ${fmt(app.median, 2)} | ${fmt(app.p95, 2)} | ${fmt(old.median, 2)} | ${fmt(old.median / app.median, 1)}× |`,
      );
  }
  out.push("");
  for (const e of r.results) {
    out.push(
      `${e.engine}: ${e.rows.toLocaleString("en-US")} result rows generated in ${fmt(e.generateSeconds)} s, summaries rebuilt from them by \`rebuildResultSummaries\` in ${fmt(e.rebuildSeconds)} s; scores differing from the baseline SQL: ${e.mismatches} (year), ${e.termMismatches} (term), from the service over \`results\`: ${e.oldMismatches}, kept outcomes differing from a fresh evaluation: ${e.keptMismatches}; load average as the timings began ${fmt(e.load, 1)}.`,
    );
  }
  out.push(
    "",
    "Baselines, both over the source rows in the same run: the hand-written SQL aggregate counts targets met and exceeded per ward with the same score (for the term, from each ward's annual means over 2015–2019), the floor of any path that reads `results`; the service over `results` is the same evaluation reading `results` instead of the summaries (the app before issue 17, part 4). The app also resolves revisions, own-versus-inherited targets, estimates and the Vietnamese wording of every figure.",
    "",
  );
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(reportEvaluation(await benchEvaluation()));
}
