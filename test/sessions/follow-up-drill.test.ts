import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/accounts/accounts.demo.js";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { LIST_COLUMNS } from "../../src/directives/follow-up/follow-up.xlsx.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { drillMismatches, REPORTS, followUpReport as report } from "../support/follow-up-drill.js";
import { TestClient } from "../support/http.js";

/** 01/02/2021 in Hà Nội: a year of follow-up has happened (as test/sessions/demo.test.ts). */
const DEMO_DATE = new Date("2021-02-01T02:00:00Z");

/** Rows of the directives list page, following its pages. */
async function pageListLength(client: TestClient, href: string): Promise<number> {
  let total = 0;
  for (let page = 1; page < 100; page++) {
    const url = page === 1 ? href : `${href}${href.includes("?") ? "&" : "?"}trang=${page}`;
    const { response, html } = await client.page(url);
    expect(response.status, url).toBe(200);
    const main = html.slice(html.indexOf("<main"));
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(main)?.[1] ?? "";
    total += body.match(/<tr[\s>]/g)?.length ?? 0;
    if (!new RegExp(`trang=${page + 1}\\b`).test(html)) return total;
  }
  throw new Error(`too many pages at ${href}`);
}

describe.each(ENGINES)("follow-up figures open the directives they count, on %s", (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let district: TestClient;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-follow-up-drill-"));
    t = await createTestApp(engine, { now: DEMO_DATE, config: { dataDir } });
    await loadDemoIfEmpty(t.database, DEMO_DATE, path.join(dataDir, "media"));
    admin = new TestClient(t);
    await admin.logIn("admin", DEMO_PASSWORD);
    district = new TestClient(t);
    await district.logIn("vanphong.longbien", DEMO_PASSWORD);
  }, 180_000);
  afterAll(() => t.close());

  it.each(REPORTS)(
    "API %s: every count of every row equals the length of the list its href opens",
    async (query) => {
      for (const client of [admin, district]) {
        const r = await report(client, query);
        expect(r.total.total).toBeGreaterThan(0);
        expect((await drillMismatches(client, r)).mismatches).toEqual([]);
      }
    },
    180_000,
  );

  it("refuses a list filter that is not well formed, naming the field", async () => {
    for (const [query, field] of [
      ["period=2020-13", "period"],
      ["lead=x12", "lead"],
      ["assigner=q5", "assigner"],
      ["notice=abc", "notice"],
    ]) {
      const res = await admin.request(`/api/v1/directives?${query}`);
      expect(res.status, query).toBe(422);
      expect(JSON.stringify(await res.json()), query).toContain(field);
    }
  });

  it("groups a ward's organisations under the ward with the ward's total", async () => {
    const r = await report(admin, "by=lead");
    const withParts = r.groups.filter((g) => g.parts);
    expect(withParts.length).toBeGreaterThan(0);
    for (const g of withParts) {
      const parts = g.parts ?? [];
      expect(g.summary.total).toBe(parts.reduce((n, p) => n + p.summary.total, 0));
      expect(g.summary.completed).toBe(parts.reduce((n, p) => n + p.summary.completed, 0));
      // The unit's own row first (when it leads some itself), then its organisations ("Đảng ủy phường X").
      const own = parts[0]?.key === g.key?.replace("unit:", "u") ? 1 : 0;
      expect(parts.slice(own).length).toBeGreaterThan(0);
      for (const p of parts.slice(own)) expect(p.key).toMatch(/^o\d+$/);
    }
    const ward = withParts.find((g) => g.label.normalize("NFC") === "Phường Thượng Thanh");
    // The list a part opens says in words what it holds.
    const party = ward?.parts?.find((p) => p.label.normalize("NFC") === "Đảng ủy phường Thượng Thanh");
    const lead = new URL(party?.href ?? "", "http://x").searchParams.get("lead");
    const { html } = await admin.page(`/quan-tri/nhiem-vu?chu_tri=${lead}`);
    expect(html.normalize("NFC")).toContain(
      `${party?.summary.total} nhiệm vụ theo số liệu của trang theo dõi (Chủ trì: Đảng ủy phường Thượng Thanh)`,
    );
    expect(ward?.parts?.map((p) => p.label.normalize("NFC"))).toEqual(
      expect.arrayContaining(["Phường Thượng Thanh (đơn vị)", "Đảng ủy phường Thượng Thanh"]),
    );
    // Each unit appears once: its organisations are not rows of their own.
    expect(new Set(r.groups.map((g) => g.key)).size).toBe(r.groups.length);
    expect(r.groups.every((g) => g.key?.startsWith("unit:"))).toBe(true);
  });

  it.each(["theo=lead", "theo=assigner", "theo=notice", "theo=period&ky=quarter"])(
    "page %s: every linked number equals the rows of the list it opens",
    async (query) => {
      const { response, html } = await admin.page(`/quan-tri/theo-doi?${query}`);
      expect(response.status).toBe(200);
      const table = html.slice(html.indexOf('<table class="follow-up-table"'), html.indexOf("</table>"));
      const links = [...table.matchAll(/<a href="([^"]+)">([\d.]+)<\/a>/g)];
      expect(links.length).toBeGreaterThan(5);
      for (const [, href, text] of links) {
        const url = (href ?? "").replaceAll("&amp;", "&");
        expect(await pageListLength(admin, url), url).toBe(Number((text ?? "").replaceAll(".", "")));
      }
    },
    180_000,
  );

  it("exports the summary with the organisations under their unit, and the detailed list of what it counts", async () => {
    const r = await report(district, "by=lead");
    const res = await district.request("/quan-tri/theo-doi.xlsx?theo=lead");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Theo dõi nhiệm vụ", "Danh sách nhiệm vụ"]);
    const text = (v: ExcelJS.CellValue) => String(v ?? "").normalize("NFC");
    const summary = wb.getWorksheet("Theo dõi nhiệm vụ") as ExcelJS.Worksheet;
    const labels: string[] = [];
    const totals = new Map<string, number>();
    summary.eachRow((row, n) => {
      if (n < 6) return;
      labels.push(text(row.getCell(1).value));
      totals.set(text(row.getCell(1).value), Number(row.getCell(2).value));
    });
    const expected = [
      ...r.groups.flatMap((g) => [g.label, ...(g.parts ?? []).map((p) => p.label)]),
      "Tổng cộng",
    ].map((l) => l.normalize("NFC"));
    expect(labels).toEqual(expected);
    const ward = r.groups.find((g) => g.label.normalize("NFC") === "Phường Thượng Thanh");
    expect(ward?.parts?.length).toBeGreaterThan(1);
    expect(totals.get("Phường Thượng Thanh")).toBe(ward?.summary.total);
    expect(totals.get("Tổng cộng")).toBe(r.total.total);

    const list = wb.getWorksheet("Danh sách nhiệm vụ") as ExcelJS.Worksheet;
    expect(list.getRow(5).values).toEqual([undefined, ...LIST_COLUMNS]);
    const ids: number[] = [];
    list.eachRow((row, n) => {
      if (n < 6) return;
      const cell = row.getCell(2).value as { hyperlink: string };
      ids.push(Number(/\/(\d+)$/.exec(cell.hyperlink)?.[1]));
    });
    expect(ids).toHaveLength(r.total.total);
    const api: number[] = [];
    for (let page = 1; api.length < r.total.total && page < 100; page++) {
      const body = (await (await district.request(`${r.href}?page=${page}`)).json()) as {
        data: { id: number }[];
      };
      api.push(...body.data.map((d) => d.id));
    }
    expect(ids).toEqual(api);
  });
});
