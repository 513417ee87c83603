import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { TestClient } from "../../../test/support/http.js";
import { csvField } from "../../core/format/csv-field.js";
import { loadDemoIfEmpty } from "../../demo/demo-loader.js";

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

  it("publishes figures a program can read back: CSV and XLSX agree with each other and with the page", async () => {
    const client = new TestClient(t);
    const text = new TextDecoder().decode(
      new Uint8Array(await (await client.request(`/du-lieu-mo/${unitId}/du-lieu.csv?ky=2019`)).arrayBuffer()),
    );
    const [header, ...records] = parseCsv(text.replace(/^\ufeff/, ""));
    const csv = records.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
    // The first indicator (revenue, THU_NS) was made private above: it is in neither file.
    expect(csv.map((r) => r.ma_chi_tieu)).not.toContain("THU_NS");
    expect(csv.find((r) => r.ma_chi_tieu === "TDPVH")).toMatchObject({
      chi_tieu: "Tỷ lệ tổ dân phố được công nhận “Tổ dân phố văn hóa”",
      don_vi_tinh: "%",
      ky: "2019",
      ke_hoach: "67",
      thuc_hien: "83.75",
      loai_so_lieu: "chinh_thuc",
      dat_phan_tram_ke_hoach: "125",
      danh_gia: "Vượt",
    });
    // A rate: 91,52% against 88% is 104% of the plan (and 3,52 points, said on the page).
    expect(csv.find((r) => r.ma_chi_tieu === "GDVH")).toMatchObject({
      ke_hoach: "88",
      thuc_hien: "91.52",
      dat_phan_tram_ke_hoach: "104",
    });
    // Every number is plain: a dot for decimals, no grouping, no binary noise.
    for (const r of csv)
      for (const key of ["ke_hoach", "thuc_hien", "dat_phan_tram_ke_hoach"])
        expect(r[key], `${r.ma_chi_tieu} ${key}`).toMatch(/^(-?\d+(\.\d{1,10})?)?$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await client.request(`/du-lieu-mo/${unitId}/du-lieu.xlsx?ky=2019`)).arrayBuffer(),
    );
    const sheet = workbook.worksheets[0];
    const xlsx = new Map<string, { target: unknown; actual: unknown }>();
    sheet?.eachRow((row, n) => {
      if (n > 6)
        xlsx.set(String(row.getCell(1).value), {
          target: row.getCell(5).value,
          actual: row.getCell(7).value,
        });
    });
    expect(xlsx.get("GDVH")).toEqual({ target: 88, actual: 91.52 });
    expect([...xlsx.keys()].sort()).toEqual(csv.map((r) => r.ma_chi_tieu).sort());
    for (const r of csv) {
      const cells = xlsx.get(r.ma_chi_tieu as string);
      if (r.thuc_hien !== "") expect(cells?.actual, r.ma_chi_tieu).toBe(Number(r.thuc_hien));
      if (r.ke_hoach !== "") expect(cells?.target, r.ma_chi_tieu).toBe(Number(r.ke_hoach));
    }
  });

  it("publishes a term too: the 2015–2020 figures, with their own page and files", async () => {
    const client = new TestClient(t);
    const page = await client.page(`/du-lieu-mo/${unitId}?ky=2015-2020`);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain(`href="/du-lieu-mo/${unitId}/du-lieu.csv?ky=2015-2020"`);
    const text = await (await client.request(`/du-lieu-mo/${unitId}/du-lieu.csv?ky=2015-2020`)).text();
    const [header, ...records] = parseCsv(text.replace(/^\ufeff/, ""));
    const families = records.find((r) => r[0] === "GDVH") ?? [];
    const field = (name: string) => families[(header ?? []).indexOf(name)];
    // "tỷ lệ hộ gia đình văn hóa đạt trung bình hằng năm 90,42%" against 88%: 102,75% of the plan.
    expect([field("ky"), field("ke_hoach"), field("thuc_hien")]).toEqual(["2015-2020", "88", "90.42"]);
    expect(field("dat_phan_tram_ke_hoach")).toBe("102.75");
  });

  it("is reachable: the unit's page links to it and to the unit's introduction, the sitemap lists it", async () => {
    const client = new TestClient(t);
    const { html } = await client.page(`/don-vi/${unitId}`);
    const section = html.slice(html.indexOf('id="cong-khai-don-vi"'));
    expect(section).toContain(`<a href="/don-vi/${unitId}/gioi-thieu">Giới thiệu</a>`);
    expect(section).toContain(`<a href="/du-lieu-mo/${unitId}?ky=2019">Dữ liệu mở</a>`);
    expect(section).toContain("Phường Thượng Thanh chuẩn bị tổng kết công tác năm 2019");
    const sitemap = await (await client.request("/sitemap.xml")).text();
    expect(sitemap).toContain(`<loc>http://localhost/du-lieu-mo/${unitId}</loc>`);
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

/** RFC 4180 reading (quoted fields, doubled quotes, CRLF), to read the download as a program would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
