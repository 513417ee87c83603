import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

/**
 * 01/03/2025 in Hà Nội, before the demo's present-day story (which begins on 01/07/2025): the demo then
 * holds only the reference story's figures, programme and emulation rounds, of 2019–2020, and this year
 * has nothing yet. (The present-day demo's lists are checked by src/demo/present-demo.test.ts.)
 */
const TODAY = new Date("2025-03-01T03:00:00Z");

/** The value of the input named `name` on the page. */
function inputValue(html: string, name: string): string | undefined {
  const tag = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
  return tag?.match(/value="([^"]*)"/)?.[1];
}

describe.each(ENGINES)("admin lists open on the latest period with data, on %s", (engine) => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: TODAY });
    await loadDemoIfEmpty(t.database, TODAY, mkdtempSync(path.join(tmpdir(), "giaoban-demo-media-")));
    admin = new TestClient(t);
    await admin.logIn("admin", "giaoban2020");
  }, 180_000);
  afterAll(() => t.close());

  it("opens the programme of work on the last year with entries, and keeps a year asked for", async () => {
    const years = await t.database.db.selectFrom("work_program_items").select("year").distinct().execute();
    expect(years.map((y) => Number(y.year)).every((y) => y < 2025)).toBe(true);
    const latest = String(Math.max(...years.map((y) => Number(y.year))));
    const { html } = await admin.page("/quan-tri/chuong-trinh-cong-tac");
    expect(html).toContain(`<h1>Chương trình công tác năm ${latest}</h1>`);
    expect(html).not.toContain("Chưa có nội dung nào trong chương trình");
    const asked = await admin.page("/quan-tri/chuong-trinh-cong-tac?nam=2026");
    expect(asked.html).toContain("<h1>Chương trình công tác năm 2026</h1>");
  });

  it("opens results entry, evaluation and target setting on the last year with figures", async () => {
    for (const page of ["/quan-tri/so-lieu", "/quan-tri/danh-gia", "/quan-tri/chi-tieu/giao"]) {
      expect(inputValue((await admin.page(page)).html, "ky"), page).toBe("2020");
    }
    expect(inputValue((await admin.page("/quan-tri/chi-tieu/giao?ky=2026")).html, "ky")).toBe("2026");
  });

  it("opens the ranking, department assessments, quality levels and awards on their last year", async () => {
    expect(inputValue((await admin.page("/xep-hang")).html, "ky")).toBe("2020");
    expect(inputValue((await admin.page("/xep-hang?ky=2018")).html, "ky")).toBe("2018");
    expect(inputValue((await admin.page("/quan-tri/danh-gia-phong-ban")).html, "ky")).toBe("2019");
    expect(inputValue((await admin.page("/quan-tri/xep-loai")).html, "nam")).toBe("2019");
    expect(inputValue((await admin.page("/quan-tri/khen-thuong")).html, "nam")).toBe("2019");
  });
});
