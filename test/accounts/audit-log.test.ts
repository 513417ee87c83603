import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedRegistry } from "../sessions/seed.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

/** The text of the change log's cells, tags stripped, one string per row. */
function rowsOf(html: string): string[] {
  const body = html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&gt;/g, ">")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

describe.each(ENGINES)("the change log speaks Vietnamese, on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-06T02:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    const ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    const created = await office.sendJson("POST", "/api/v1/directives", {
      title: "Rà soát, khai thác triệt để các nguồn thu trên địa bàn phường",
      lead: { unitId: s.ward },
      coordinators: [{ unitId: s.district, organisationId: s.org.taiChinh }],
      deadline: { kind: "date", date: "2020-06-30" },
      assigningUnitId: s.district,
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).data.id;
    await ward.sendJson("POST", `/api/v1/directives/${id}/progress`, { percent: 60, text: "Đã rà soát" });
    await ward.sendJson("POST", `/api/v1/directives/${id}/actions`, { action: "submit", text: "Xong" });
  });
  afterAll(() => t.close());

  it("names fields and states in Vietnamese and lists before → after, without codes or JSON", async () => {
    const { html } = await office.page("/quan-tri/nhat-ky?entityType=directive");
    const rows = rowsOf(html);
    expect(rows).toHaveLength(3);
    const [submitted, progress, created] = rows as [string, string, string];
    expect(submitted).toContain("Gửi duyệt");
    expect(submitted).toContain("Trạng thái: Đang thực hiện → Chờ xác nhận hoàn thành");
    expect(submitted).toContain("Tỷ lệ hoàn thành (%): 60 → 100");
    expect(submitted).toContain("Ghi chú: Xong");
    expect(progress).toContain("Ghi chú: Đã rà soát");
    expect(progress).toContain("Trạng thái: Mới giao → Đang thực hiện");
    expect(created).toContain("Đơn vị chủ trì: Phường Thượng Thanh");
    expect(created).toContain("Đơn vị phối hợp: Phòng Tài chính - Kế hoạch quận Long Biên");
    expect(created).toContain("Thời hạn: Loại: Trước ngày; Ngày: 30/06/2020");
    for (const raw of ["in_progress", "submitted", "state", "progressPercent", "{", '"']) {
      expect(rows.join("\n")).not.toContain(raw);
    }
    // The table is laid out to wrap long values inside it, not to widen the page.
    expect(html).toContain('<table class="audit-table"');
  });
});
