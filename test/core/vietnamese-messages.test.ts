import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "../targets/seed.js";

/** Zod's own English ("Invalid option: expected one of…", "Too big: expected…"). */
const ENGLISH = /\b(Invalid|expected|Expected|Too (big|small)|received|Required)\b/;

describe.each(ENGINES)("validation messages in Vietnamese on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    admin = new TestClient(t);
    await admin.logIn("admin");
  });
  afterAll(() => t.close());

  it("answers an API body with Vietnamese field messages", async () => {
    const response = await admin.sendJson("POST", "/api/v1/indicators", {
      code: "THU_NS_2",
      name: "Thu ngân sách",
      field: "Kinh tế",
      unitOfMeasure: "tỷ đồng",
      valueType: "number",
      direction: "higher_is_better",
      comparisonMode: "ratio",
      termAggregation: "mean",
      isPublic: "có",
      sortOrder: "một",
    });
    expect(response.status).toBe(422);
    const { fields } = ((await response.json()) as { error: { fields: Record<string, string> } }).error;
    expect(fields).toEqual({
      "body.isPublic": "Phải là đúng hoặc sai (true/false).",
      "body.sortOrder": "Phải là số.",
    });
  });

  it("answers an API query with Vietnamese field messages", async () => {
    const response = await t.app.request("/api/v1/search?q=ho&page=0&limit=abc");
    expect(response.status).toBe(422);
    const { fields } = ((await response.json()) as { error: { fields: Record<string, string> } }).error;
    expect(fields["query.page"]).toBe("Không được nhỏ hơn 1.");
    expect(fields["query.limit"]).toBe("Phải là số.");
  });

  it("shows Vietnamese messages next to the fields of the target form", async () => {
    const indicator = await t.database.db
      .selectFrom("indicators")
      .select("id")
      .where("code", "=", "THU_NS")
      .executeTakeFirstOrThrow();
    await admin.page("/quan-tri/chi-tieu/giao");
    const response = await admin.postForm(
      "/quan-tri/chi-tieu/giao",
      {
        unitId: String(lb.thuongThanh),
        periodKey: "2020",
        indicatorId: String(indicator.id),
        appliesTo: "ca-nuoc",
        levelKind: "value",
        value: "45",
        windowRule: "am-lich",
      },
      "/quan-tri/chi-tieu/giao",
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Giá trị không hợp lệ; chọn một trong: unit, children.");
    expect(html).toContain("Giá trị không hợp lệ; chọn một trong: calendar, nd09.");
    expect(html).not.toMatch(ENGLISH);
  });
});
