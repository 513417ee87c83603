import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import type { Database } from "../db/database.js";
import { JobScheduler } from "./scheduler.js";

describe.each(ENGINES)("job scheduler on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it("runs a due job in exactly one of several processes, then not again until its interval has passed", async () => {
    let now = new Date("2020-01-02T00:00:00Z");
    const runs: string[] = [];
    const makeScheduler = (owner: string) =>
      new JobScheduler(
        database.db,
        [{ name: "count", intervalMs: 3_600_000, run: async () => void runs.push(owner) }],
        pino({ level: "silent" }),
        () => now,
      );
    const schedulers = ["a", "b", "c", "d"].map(makeScheduler);
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(runs).toHaveLength(1);
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(runs).toHaveLength(1);
    now = new Date("2020-01-02T01:00:01Z");
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(runs).toHaveLength(2);
  });
});
