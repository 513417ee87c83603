import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { ENGINES } from "../../test/support/databases.js";
import { TestClient } from "../../test/support/http.js";
import { loadDemoIfEmpty } from "../demo/demo-loader.js";
import { csvField } from "./open-data.csv.js";

/** The open data page on the demo data (Thượng Thanh's approved 2015–2019 results). */

const NOW = new Date("2020-06-01T03:00:00Z");

describe.each(ENGINES)("open data on %s", (engine) => {
  let t: TestApp;
  let unitId: number;
  let hiddenName: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    await loadDemoIfEmpty(t.database, NOW, mkdtempSync(path.join(tmpdir(), "giaoban-open-data-")));
    const db = t.database.db;
    const ward = await db
      .selectFrom("units")
      .innerJoin("results", "results.unit_id", "units.id")
      .select(["units.id"])
      .where("units.name", "=", "Thượng Thanh")
      .where("results.period_key", "=", "2018")
      .executeTakeFirstOrThrow();
    unitId = ward.id;
    // One indicator made private: its figures must not be published.
    const hidden = await db
      .selectFrom("indicators")
      .innerJoin("results", "results.indicator_id", "indicators.id")
      .select(["indicators.id", "indicators.name"])
      .where("results.unit_id", "=", unitId)
      .where("results.period_key", "=", "2019")
      .orderBy("indicators.id")
      .executeTakeFirstOrThrow();
    hiddenName = hidden.name;
    await db.updateTable("indicators").set({ is_public: 0 }).where("id", "=", hidden.id).execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows the newest period with data: chart, data table, downloads; private indicators left out", async () => {
    const { response, html } = await new TestClient(t).page(`/du-lieu-mo/${unitId}`);
    expect(response.status).toBe(200);
    expect(html).toContain("<h1>Dữ liệu mở: Phường Thượng Thanh, năm 2019</h1>");
    expect(html).toContain('role="img"');
    expect(html).toContain("<caption>Số liệu đã phê duyệt, năm 2019");
    expect(html).toContain(`href="/du-lieu-mo/${unitId}/du-lieu.csv?ky=2019"`);
    expect(html).toContain(`href="/du-lieu-mo/${unitId}?ky=2015"`);
    expect(html).not.toContain(`${hiddenName}<br/>`);
  });

  it("says so when a period has no data yet", async () => {
    const { response, html } = await new TestClient(t).page(`/du-lieu-mo/${unitId}?ky=2010`);
    expect(response.status).toBe(200);
    expect(html).toContain("Chưa có số liệu được phê duyệt để công khai cho năm 2010");
    expect(html).not.toContain("du-lieu.csv");
  });

  it("downloads the same rows as CSV (BOM, dot decimals) and XLSX", async () => {
    const client = new TestClient(t);
    const page = await client.page(`/du-lieu-mo/${unitId}?ky=2019`);
    const tableRows = (page.html.match(/<th scope="row">/g) ?? []).length;
    const csv = await client.request(`/du-lieu-mo/${unitId}/du-lieu.csv?ky=2019`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="du-lieu-mo-${unitId}-2019.csv"`,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toMatch(/^ma_chi_tieu,chi_tieu,/);
    expect(lines.length - 1).toBe(tableRows);
    expect(lines.join("\n")).not.toContain(hiddenName);
    expect(lines.slice(1).some((l) => /,\d+\.\d+,/.test(l))).toBe(true);

    const xlsx = await client.request(`/du-lieu-mo/${unitId}/du-lieu.xlsx?ky=2019`);
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const names: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 6) names.push(String(row.getCell(2).value));
    });
    expect(names).toHaveLength(tableRows);
    expect(names).not.toContain(hiddenName);
  });

  it("404 for an unknown unit, 422 for a malformed period", async () => {
    const client = new TestClient(t);
    expect((await client.request("/du-lieu-mo/999999")).status).toBe(404);
    expect((await client.request("/du-lieu-mo/abc")).status).toBe(404);
    expect((await client.request(`/du-lieu-mo/${unitId}?ky=20190`)).status).toBe(422);
    expect((await client.request(`/du-lieu-mo/${unitId}?ky=2019-`)).status).toBe(422);
  });

  it("quotes CSV fields and defuses spreadsheet formulas", () => {
    expect(csvField('Tỷ lệ "hộ nghèo", %')).toBe('"Tỷ lệ ""hộ nghèo"", %"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-2.5)).toBe("-2.5");
    expect(csvField(null)).toBe("");
  });
});
