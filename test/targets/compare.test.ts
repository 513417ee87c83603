import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViNumber } from "../../src/core/format/vi-number.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

/** Each ward's approved figures of an indicator by year, read straight from the results table: final, else estimate. */
async function figuresOf(t: TestApp, code: string, unitIds: number[]) {
  const rows = await t.database.db
    .selectFrom("results")
    .innerJoin("indicators", "indicators.id", "results.indicator_id")
    .select(["results.unit_id", "results.period_key", "results.version", "results.value"])
    .where("indicators.code", "=", code)
    .where("results.status", "=", "approved")
    .where("results.unit_id", "in", unitIds)
    .execute();
  const byKey = new Map<string, { value: number; estimate: boolean }>();
  for (const r of rows) {
    const key = `${r.unit_id}|${r.period_key}`;
    if (r.version === "final" || !byKey.has(key))
      byKey.set(key, { value: Number(r.value), estimate: r.version !== "final" });
  }
  return byKey;
}

/** The cells of each body row of the comparison table, by unit id. */
function tableCells(html: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of html.matchAll(/<tr data-unit-id="(\d+)">([\s\S]*?)<\/tr>/g)) {
    const cells = [...(m[2] as string).matchAll(/<td class="num"[^>]*>([\s\S]*?)<\/td>/g)].map(
      (c) => c[1] as string,
    );
    out.set(Number(m[1]), cells);
  }
  return out;
}

const wholeCells = (html: string) =>
  [
    ...(html.match(/<tr class="compare-whole">([\s\S]*?)<\/tr>/)?.[1] ?? "").matchAll(
      /<td class="num"[^>]*>([\s\S]*?)<\/td>/g,
    ),
  ].map((c) => c[1] as string);

describe.each(ENGINES)("compare and trend on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let office: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    office = new TestClient(t);
    await office.logIn("vanphong.longbien");
  });
  afterAll(() => t.close());

  it("compares revenue of the district's 14 wards over 2015–2019 with the figures entered and their total", async () => {
    const { response, html } = await office.page("/quan-tri/chi-tieu/so-sanh?chi-tieu=THU_NS");
    expect(response.status).toBe(200);
    const wards = [...lb.wards.values()];
    const expected = await figuresOf(t, "THU_NS", wards);
    const cells = tableCells(html);
    expect([...cells.keys()].sort()).toEqual([...wards].sort());
    const totals = [0, 0, 0, 0, 0];
    for (const ward of wards) {
      [2015, 2016, 2017, 2018, 2019].forEach((year, i) => {
        const f = expected.get(`${ward}|${year}`);
        expect(f, `ward ${ward} ${year}`).toBeDefined();
        const text = formatViNumber((f as { value: number }).value, { maximumFractionDigits: 3 });
        expect(cells.get(ward)?.[i]).toBe(f?.estimate ? `${text} (ước)` : text);
        totals[i] = (totals[i] as number) + (f as { value: number }).value;
      });
    }
    expect(html).toContain("Quận Long Biên: tổng 14 đơn vị");
    expect(wholeCells(html)).toEqual(
      totals.map((x, i) => {
        const text = formatViNumber(Math.round(x * 1000) / 1000, { maximumFractionDigits: 3 });
        // Sài Đồng's 2019 revenue is an approved estimate, so the 2019 total is one too.
        return i === 4 ? `${text} (ước)` : text;
      }),
    );
    // Both charts are drawn, labelled, with the table as their text alternative.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bieu-do-don-vi-rong-title"/);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bieu-do-xu-huong-hep-title"/);
    expect(html).toContain('href="#bang-so-sanh"');
  });

  it("sorts by any column without JavaScript", async () => {
    const base = "/quan-tri/chi-tieu/so-sanh?chi-tieu=THU_NS&tu=2015&den=2019";
    const { html } = await office.page(`${base}&sap-xep=2019&chieu=giam`);
    const order = [...tableCells(html).keys()];
    const expected = await figuresOf(t, "THU_NS", order);
    const values = order.map((id) => expected.get(`${id}|2019`)?.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(html).toContain('aria-sort="descending"');
    // The header links reverse the order and keep the rest of the query.
    expect(html).toContain("sap-xep=2019&amp;chieu=tang");
    const ascending = [...tableCells((await office.page(`${base}&sap-xep=2019&chieu=tang`)).html).keys()];
    const up = ascending.map((id) => expected.get(`${id}|2019`)?.value as number);
    expect(up).toEqual([...values].sort((a, b) => a - b));
  });

  it("averages a rate instead of adding it, and says a plain mean stands for a weighted one", async () => {
    const { html } = await office.page("/quan-tri/chi-tieu/so-sanh?chi-tieu=GDVH&tu=2019&den=2019");
    const wards = [...lb.wards.values()];
    const expected = await figuresOf(t, "GDVH", wards);
    const values = wards.map((id) => expected.get(`${id}|2019`)?.value as number);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(html).toContain("Quận Long Biên: bình quân 14 đơn vị");
    expect(wholeCells(html)).toEqual([`${formatViNumber(mean, { maximumFractionDigits: 2 })} (bq. cộng)`]);
  });

  it("keeps a ward to its own figures", async () => {
    const ward = new TestClient(t, "203.0.113.9");
    await ward.logIn("thuongthanh");
    const own = await ward.page("/quan-tri/chi-tieu/so-sanh?chi-tieu=THU_NS");
    expect(own.response.status).toBe(200);
    expect([...tableCells(own.html).keys()]).toEqual([lb.thuongThanh]);
    const other = await ward.request(`/quan-tri/chi-tieu/so-sanh?chi-tieu=THU_NS&don-vi=${lb.ngocThuy}`);
    expect(other.status).toBe(403);
    const api = await ward.request(
      `/api/v1/indicators/THU_NS/comparison?units=${lb.thuongThanh},${lb.ngocThuy}`,
      {
        headers: { accept: "application/json" },
      },
    );
    expect(api.status).toBe(403);
    expect((await t.app.request("/quan-tri/chi-tieu/so-sanh")).status).toBeGreaterThanOrEqual(300);
  });

  it("refuses bad input with the field named", async () => {
    const page = await office.request("/quan-tri/chi-tieu/so-sanh?chi-tieu=THU_NS&tu=20x5");
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("Năm phải là số có 4 chữ số");
    const api = await office.request("/api/v1/indicators/THU_NS/comparison?from=2019&to=2010", {
      headers: { accept: "application/json" },
    });
    expect(api.status).toBe(422);
    expect(JSON.stringify(await api.json())).toContain(
      '"query.from":"Năm bắt đầu phải không sau năm kết thúc."',
    );
    const unknown = await office.request("/api/v1/indicators/KHONG_CO/comparison", {
      headers: { accept: "application/json" },
    });
    expect(unknown.status).toBe(422);
  });

  it("answers the same table in JSON, Excel and CSV", async () => {
    const query = "chi-tieu=THU_NS&tu=2015&den=2019&sap-xep=2019&chieu=giam";
    const api = await office.request(
      `/api/v1/indicators/THU_NS/comparison?from=2015&to=2019&sort=2019&order=desc`,
      { headers: { accept: "application/json" } },
    );
    expect(api.status).toBe(200);
    const { data } = (await api.json()) as {
      data: {
        columns: { key: string }[];
        rows: { unitId: number; cells: { value: number | null }[] }[];
        whole: { cells: { value: number | null; method: string | null }[]; parentId: number | null };
      };
    };
    expect(data.columns.map((c) => c.key)).toEqual(["2015", "2016", "2017", "2018", "2019"]);
    expect(data.rows).toHaveLength(14);
    expect(data.whole.parentId).toBe(lb.district);
    expect(data.whole.cells.every((c) => c.method === "sum")).toBe(true);

    const xlsx = await office.request(`/quan-tri/chi-tieu/so-sanh.xlsx?${query}`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0] as ExcelJS.Worksheet;
    data.rows.forEach((row, i) => {
      const sheetRow = ws.getRow(6 + i);
      row.cells.forEach((cell, j) => expect(sheetRow.getCell(j + 2).value).toBe(cell.value));
    });
    expect(ws.getRow(20).getCell(6).value).toBe(data.whole.cells[4]?.value);

    const bytes = new Uint8Array(
      await (await office.request(`/quan-tri/chi-tieu/so-sanh.csv?${query}`)).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("ma_chi_tieu,")).toBe(true);
    const first = data.rows[0] as { unitId: number; cells: { value: number | null }[] };
    expect(csv).toContain(`,${first.unitId},`);
    expect(csv).toContain(`,2019,${first.cells[4]?.value},`);
  });
});
