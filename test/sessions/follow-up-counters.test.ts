import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/db/database.js";
import type { Deadline, DeadlineKind } from "../../src/directives/deadline.js";
import {
  deleteDirective,
  insertDirective,
  updateDirective,
} from "../../src/directives/directive-writes.repo.js";
import {
  FOLLOW_UP_DIMENSIONS,
  followUpBuckets,
  followUpBucketsFromRows,
} from "../../src/directives/follow-up/follow-up.repo.js";
import { buildReport, reportOfScope } from "../../src/directives/follow-up/follow-up.service.js";
import { rebuildFollowUpCounters } from "../../src/directives/follow-up/follow-up-counters.repo.js";
import { sqlClock } from "../../src/directives/timeliness-sql.js";
import { createTestDatabase, ENGINES } from "../support/databases.js";
import { noticeRow } from "../support/directive-rows.js";
import { createUnit } from "../support/fixtures.js";
import { storedAndRecomputedCounters } from "../support/follow-up-counters.js";

const KINDS: DeadlineKind[] = ["date", "month", "quarter", "year", "recurring", "none"];
const DATES = ["2021-01-15", "2021-03-31", "2021-04-01", "2021-04-07", "2021-06-30", "2021-12-31"];
/** Last days of the deadlines above (and the day the dissolved ward ends). */
const DEADLINE_ENDS = [
  "2021-01-15",
  "2021-01-31",
  "2021-03-31",
  "2021-04-01",
  "2021-04-07",
  "2021-04-30",
  "2021-06-30",
  "2021-12-31",
];
/** Days the report is read at: any day of 2021, or within 9 days of a deadline (due soon is 7). */
const TODAY = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2021, 0, 1, 3) + d * 86_400_000)),
  fc
    .tuple(
      fc.constantFrom(...DEADLINE_ENDS),
      fc.oneof(fc.constantFrom(-8, -7, -1, 0, 1), fc.integer({ min: -9, max: 9 })),
    )
    .map(([day, offset]) => new Date(Date.parse(`${day}T03:00:00Z`) + offset * 86_400_000)),
);
const INSTANT = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(Date.UTC(2021, 0, 1, 10) + d * 86_400_000).toISOString());
const DEADLINE = fc.record({ kind: fc.constantFrom(...KINDS), date: fc.constantFrom(...DATES) }).map(
  ({ kind, date }): Deadline => ({
    kind,
    date: kind === "recurring" || kind === "none" ? null : date,
    phrase: null,
  }),
);

/** One write of a directive, as the services make them (which directive: an index into those made). */
const STEP = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("create" as const),
      lead: fc.nat(3),
      // Led by an organisation of the unit (only the first has one): the unit's row gets parts.
      organisation: fc.boolean(),
      deadline: DEADLINE,
      notice: fc.boolean(),
      assigner: fc.constantFrom("Đỗ Mạnh Hải", "Nguyễn Mạnh Hà", null),
    }),
  },
  fc.record({ op: fc.constant("progress" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("submit" as const), i: fc.nat(), at: INSTANT }),
  fc.record({ op: fc.constant("complete" as const), i: fc.nat(), at: INSTANT }),
  fc.record({ op: fc.constant("reopen" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("pause" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("cancel" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("extend" as const), i: fc.nat(), deadline: DEADLINE }),
  fc.record({ op: fc.constant("reassign" as const), i: fc.nat(), lead: fc.nat(3) }),
  fc.record({ op: fc.constant("delete" as const), i: fc.nat() }),
);
type Step = typeof STEP extends fc.Arbitrary<infer T> ? T : never;

describe.each(ENGINES)("follow-up counters on %s", (engine) => {
  let database: Database;
  let top: number;
  let noticeId: number;
  let organisationId: number;
  const leads: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    top = await createUnit(db, { name: "Long Biên", level: "district" });
    leads.push(
      await createUnit(db, { name: "Thượng Thanh", parentId: top }),
      await createUnit(db, { name: "Ngọc Thụy", parentId: top }),
      await createUnit(db, { name: "Giang Biên", parentId: top }),
      // Ends within the days read: its open work awaits hand-over after 30/06/2021.
      await createUnit(db, { name: "Sài Đồng", parentId: top, validTo: "2021-06-30" }),
    );
    organisationId = (
      await db
        .insertInto("organisations")
        .values({
          unit_id: leads[0] as number,
          kind: "peoples_committee",
          name: "UBND phường Thượng Thanh",
          valid_from: "2010-01-01",
          valid_to: null,
          sort_order: 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    noticeId = (
      await db
        .insertInto("conclusion_notices")
        .values(noticeRow(top, "136-TB/ĐU"))
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => database.close());

  async function apply(step: Step, ids: number[]): Promise<void> {
    const db = database.db;
    const now = new Date("2021-01-01T03:00:00Z");
    if (step.op === "create") {
      ids.push(
        await insertDirective(db, {
          noticeId: step.notice ? noticeId : null,
          itemId: null,
          parentId: null,
          proposalId: null,
          title: "Nhiệm vụ",
          lead: {
            unitId: leads[step.lead] as number,
            organisationId: step.lead === 0 && step.organisation ? organisationId : null,
          },
          coordinators: [],
          assigningUnitId: top,
          assignerPersonId: null,
          assignerName: step.assigner,
          deadline: step.deadline,
          createdBy: null,
          now,
        }),
      );
      return;
    }
    if (ids.length === 0) return;
    const index = step.i % ids.length;
    const id = ids[index] as number;
    switch (step.op) {
      case "progress":
        return updateDirective(db, id, { state: "in_progress", progressPercent: 50 }, now);
      case "submit":
        return updateDirective(db, id, { state: "submitted", submittedAt: step.at }, now);
      case "complete":
        return updateDirective(
          db,
          id,
          { state: "confirmed", submittedAt: step.at, confirmedAt: step.at },
          now,
        );
      case "reopen":
        return updateDirective(db, id, { state: "returned", submittedAt: null, confirmedAt: null }, now);
      case "pause":
        return updateDirective(db, id, { state: "paused" }, now);
      case "cancel":
        return updateDirective(db, id, { state: "cancelled" }, now);
      case "extend":
        return updateDirective(db, id, { deadline: step.deadline }, now);
      case "reassign":
        return updateDirective(
          db,
          id,
          { lead: { unitId: leads[step.lead] as number, organisationId: null } },
          now,
        );
      case "delete":
        await deleteDirective(db, id);
        ids.splice(index, 1);
    }
  }

  /** Every report, by every dimension, from the counters and from the directives, at `now`. */
  async function expectSameReports(now: Date): Promise<void> {
    const db = database.db;
    const clock = sqlClock(now);
    const today = clock.todayDate;
    for (const by of FOLLOW_UP_DIMENSIONS) {
      // The app's path: by lead each group's figures straight from its counter row, else buckets.
      const fromCounters = await reportOfScope(db, { by }, "all", clock);
      const fromBuckets = await buildReport(
        db,
        by,
        "month",
        await followUpBuckets(db, by, { scope: "all" }, clock),
        today,
      );
      const fromRows = await buildReport(
        db,
        by,
        "month",
        await followUpBucketsFromRows(db, by, { scope: "all" }, clock),
        today,
      );
      expect(fromCounters, `${by} at ${today}`).toEqual(fromRows);
      expect(fromBuckets, `${by} at ${today}, from the counters' buckets`).toEqual(fromRows);
    }
    // By lead, for some lead units only (one ward and its groups on the page).
    const some = leads.slice(0, 2);
    const partRows = await followUpBucketsFromRows(db, "lead", { scope: "all", leadUnitIds: some }, clock);
    expect(await reportOfScope(db, { by: "lead", leadUnitIds: some }, "all", clock)).toEqual(
      await buildReport(db, "lead", "month", partRows, today),
    );
  }

  it("equal a full recomputation after every write, and the report equals the one over the directives on any day", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(STEP, TODAY), { minLength: 1, maxLength: 12 }), async (steps) => {
        // Each run starts empty, so a counterexample is the whole story.
        await database.db.deleteFrom("directives").execute();
        await database.db.deleteFrom("follow_up_counters").execute();
        const ids: number[] = [];
        for (const [step, today] of steps) {
          await apply(step, ids);
          const { stored, recomputed } = await storedAndRecomputedCounters(database.db);
          expect(stored).toEqual(recomputed);
          await expectSameReports(today);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("rebuilds from the directives: the same counters, whatever the table held", async () => {
    const db = database.db;
    // Whatever the property left, some directives to count.
    for (const [lead, kind] of [
      [0, "date"],
      [3, "year"],
      [1, "none"],
    ] as const)
      await apply(
        {
          op: "create",
          lead,
          organisation: lead === 0,
          deadline: { kind, date: kind === "none" ? null : "2021-04-07", phrase: null },
          notice: lead === 0,
          assigner: null,
        },
        [],
      );
    const before = await storedAndRecomputedCounters(db);
    expect(Object.keys(before.recomputed).length).toBeGreaterThan(0);
    // Spoil the table; the rebuild must not depend on what it held.
    await db.updateTable("follow_up_counters").set({ cells: "[0,7,1,18000,7]" }).execute();
    const progress: [number, number][] = [];
    await rebuildFollowUpCounters(db, (done, total) => progress.push([done, total]));
    const after = await storedAndRecomputedCounters(db);
    expect(after.stored).toEqual(after.recomputed);
    expect(after.stored).toEqual(before.recomputed);
    const total = Number(
      (
        await db
          .selectFrom("directives")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(progress.at(0)).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
  });
});
