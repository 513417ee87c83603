import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/db/database.js";
import type { DeadlineKind } from "../../src/directives/deadline.js";
import {
  dayOf,
  daysOverdueOf,
  deadlineColumns,
  timelinessOf,
} from "../../src/directives/directives.model.js";
import { listDirectives } from "../../src/directives/directives.repo.js";
import { summariseFollowUpBy } from "../../src/directives/follow-up/follow-up.math.js";
import { followUpBuckets, followUpBucketsFromRows } from "../../src/directives/follow-up/follow-up.repo.js";
import { rowsFromBuckets } from "../../src/directives/follow-up/follow-up.service.js";
import { rebuildFollowUpCounters } from "../../src/directives/follow-up/follow-up-counters.repo.js";
import { TIMELINESS } from "../../src/directives/timeliness.rules.js";
import { sqlClock } from "../../src/directives/timeliness-sql.js";
import { WORKFLOW_STATES, type WorkflowState } from "../../src/directives/workflow.rules.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";
import { createUnit } from "../support/fixtures.js";

/** A deterministic generator: the same rows on both engines and every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: DeadlineKind[] = ["date", "month", "quarter", "year", "term", "recurring", "none"];
/** Around the clock below (10/07/2020 in Hà Nội): past, today, within 7 days, later. */
const DATES = [
  "2020-06-30",
  "2020-07-09",
  "2020-07-10",
  "2020-07-11",
  "2020-07-17",
  "2020-07-18",
  "2020-12-31",
  null,
];
const SUBMITTED = [
  "2020-06-29T16:59:59.999Z",
  "2020-06-30T16:59:59.999Z",
  "2020-06-30T17:00:00.000Z",
  "2020-07-09T03:00:00.000Z",
  null,
];
const NOW = new Date("2020-07-10T03:00:00Z");

describe.each(ENGINES)("follow-up counts in SQL agree with the timeliness rules on %s", (engine) => {
  let database: Database;
  const units: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const top = await createUnit(db, { name: "Long Biên", level: "district" });
    units.push(
      top,
      await createUnit(db, { name: "Thượng Thanh", parentId: top }),
      await createUnit(db, { name: "Ngọc Thụy", parentId: top }),
      // Ended before NOW: its unfinished directives await hand-over instead of running late.
      await createUnit(db, { name: "Sài Đồng", parentId: top, validTo: "2020-06-30" }),
    );
    const rand = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const at = NOW.toISOString();
    const rows = Array.from({ length: 600 }, () => {
      const kind = pick(KINDS);
      const date = kind === "recurring" || kind === "none" ? null : pick(DATES);
      const state = pick(WORKFLOW_STATES) as WorkflowState;
      // Submitted and confirmed rows always carry their submission, as the services record it.
      const submittedAt =
        state === "submitted" || state === "confirmed"
          ? (pick(SUBMITTED) ?? "2020-07-01T02:00:00.000Z")
          : null;
      return {
        notice_id: null,
        item_id: null,
        parent_id: null,
        proposal_id: null,
        title: "x",
        lead_unit_id: pick(units),
        lead_organisation_id: null,
        assigning_unit_id: top,
        assigner_person_id: null,
        assigner_name: pick(["Đỗ Mạnh Hải", "Nguyễn Mạnh Hà", null]),
        deadline_kind: kind,
        deadline_date: date,
        deadline_phrase: null,
        ...deadlineColumns(kind, date),
        state,
        state_before_pause: null,
        progress_percent: 0,
        submitted_at: submittedAt,
        submitted_day: dayOf(submittedAt),
        confirmed_at: state === "confirmed" ? "2020-07-09T03:00:00.000Z" : null,
        created_by: null,
        created_at: at,
        updated_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto("directives")
        .values(rows.slice(i, i + 100))
        .execute();
    // The rows went in beside the repository (as a bulk import would): the counters are rebuilt.
    await rebuildFollowUpCounters(db);
  });
  afterAll(() => database.close());

  it.each(["lead", "assigner", "period"] as const)("grouped by %s", async (by) => {
    const clock = sqlClock(NOW);
    const fromSql = summariseFollowUpBy(
      rowsFromBuckets(await followUpBuckets(database.db, by, { scope: "all" }, clock)),
      (r) => r.key,
    );
    const { rows } = await listDirectives(database.db, { scope: "all", clock, limit: 10_000, offset: 0 });
    const keyOf = (d: (typeof rows)[number]) =>
      by === "lead"
        ? `u${d.lead.unitId}`
        : by === "assigner"
          ? d.assignerName
            ? `n:${d.assignerName}`
            : `u${d.assigningUnitId}`
          : d.deadline.date === null || d.deadline.kind === "recurring" || d.deadline.kind === "none"
            ? null
            : (deadlineColumns(d.deadline.kind, d.deadline.date).deadline_end?.slice(0, 7) ?? null);
    const fromRules = summariseFollowUpBy(
      rows.map((d) => ({
        key: keyOf(d),
        leadUnitId: null,
        assignerId: null,
        sourceNoticeId: null,
        state: d.state,
        timeliness: timelinessOf(d, NOW),
        daysOverdue: daysOverdueOf(d, NOW),
      })),
      (r) => r.key,
    );
    const sorted = (groups: typeof fromSql) =>
      [...groups].sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(sorted(fromSql)).toEqual(sorted(fromRules));
    expect(fromSql.reduce((n, g) => n + g.rows, 0)).toBe(600);
    // The aggregate over the directives themselves (the path of narrow scopes) agrees too.
    const fromRows = summariseFollowUpBy(
      rowsFromBuckets(await followUpBucketsFromRows(database.db, by, { scope: "all" }, clock)),
      (r) => r.key,
    );
    expect(sorted(fromRows)).toEqual(sorted(fromRules));
  });

  it("filters by timeliness exactly as the rules derive it", async () => {
    const clock = sqlClock(NOW);
    const { rows } = await listDirectives(database.db, { scope: "all", clock, limit: 10_000, offset: 0 });
    for (const t of TIMELINESS) {
      const filtered = await listDirectives(database.db, {
        scope: "all",
        timeliness: t,
        clock,
        limit: 10_000,
        offset: 0,
      });
      const expected = rows.filter((d) => timelinessOf(d, NOW) === t).map((d) => d.id);
      expect(expected.length, t).toBeGreaterThan(0);
      expect(
        filtered.rows.map((d) => d.id),
        t,
      ).toEqual(expected);
    }
  });
});
