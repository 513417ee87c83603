import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/** Defect 7: a directive with exactly one sub-task answered 500 instead of its page. */
describe.each(ENGINES)("a directive with one sub-task on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let parentId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    const res = await office.sendJson("POST", "/api/v1/directives", {
      title: "Rà soát hồ sơ đất đai tồn đọng",
      lead: { unitId: s.ward, organisationId: null },
      deadline: { kind: "date", date: "2020-03-31" },
      assigningUnitId: s.district,
    });
    expect(res.status).toBe(201);
    parentId = (await res.json()).data.id;
  });
  afterAll(() => t.close());

  it("shows the page with 0, 1 and 2 sub-tasks, and the ward reports on it", async () => {
    expect((await ward.page(`/quan-tri/nhiem-vu/${parentId}`)).response.status).toBe(200);
    for (const n of [1, 2]) {
      const child = await ward.sendJson("POST", "/api/v1/directives", {
        title: `Việc con số ${n}`,
        lead: { unitId: s.ward, organisationId: s.org.ubndPhuong },
        deadline: { kind: "date", date: "2020-02-29" },
        assigningUnitId: s.ward,
        parentId,
      });
      expect(child.status).toBe(201);
      for (const client of [ward, office]) {
        const { response, html } = await client.page(`/quan-tri/nhiem-vu/${parentId}`);
        expect(response.status).toBe(200);
        expect(html).toContain(`Việc con số ${n}`);
      }
      if (n === 1) {
        const received = await ward.postForm(`/quan-tri/nhiem-vu/${parentId}/thao-tac`, {
          action: "receive",
        });
        expect(received.status).toBe(303);
        const reported = await ward.postForm(`/quan-tri/nhiem-vu/${parentId}/thao-tac`, {
          action: "report_progress",
          percent: "40",
          text: "Đã rà soát 40 hồ sơ.",
        });
        expect(reported.status).toBe(303);
        const { html } = await ward.page(`/quan-tri/nhiem-vu/${parentId}`);
        expect(html).toContain("Đã rà soát 40 hồ sơ.");
      }
    }
  });
});
