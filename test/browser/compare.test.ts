import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/core/db/database.js";
import { formatViNumber } from "../../src/core/format/vi-number.js";
import { seriousViolations } from "../support/axe.js";
import {
  browserSkipReason,
  type LiveServer,
  launchChromium,
  signIn,
  startLiveServer,
} from "../support/browser.js";

const SHOTS = ".tmp/screenshots/compare";
const YEARS = [2015, 2016, 2017, 2018, 2019];

interface Entered {
  /** ward id → its figure per year (final, else the approved estimate). */
  byWard: Map<number, Map<number, { value: number; estimate: boolean }>>;
  district: string;
}

/** The revenue figures entered for the demo district's wards, read from the server's own database. */
async function enteredRevenue(server: LiveServer): Promise<Entered> {
  const database = await openDatabase({ kind: "sqlite", file: path.join(server.dataDir, "giaoban.sqlite") });
  try {
    const db = database.db;
    const district = await db
      .selectFrom("units")
      .select(["id", "name"])
      .where("level", "=", "district")
      .where("name", "like", "%Long Biên%")
      .executeTakeFirstOrThrow();
    const wards = await db
      .selectFrom("unit_parents")
      .select("unit_id")
      .where("parent_id", "=", district.id)
      .where("valid_from", "<=", "2019-12-31")
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", "2019-12-31")]))
      .execute();
    const rows = await db
      .selectFrom("results")
      .innerJoin("indicators", "indicators.id", "results.indicator_id")
      .select(["results.unit_id", "results.period_key", "results.version", "results.value"])
      .where("indicators.code", "=", "THU_NS")
      .where("results.status", "=", "approved")
      .where(
        "results.unit_id",
        "in",
        wards.map((w) => w.unit_id),
      )
      .execute();
    const byWard = new Map(
      wards.map((w) => [w.unit_id, new Map<number, { value: number; estimate: boolean }>()]),
    );
    for (const r of rows) {
      const year = Number(r.period_key);
      if (!YEARS.includes(year) || String(year) !== r.period_key) continue;
      const years = byWard.get(r.unit_id) as Map<number, { value: number; estimate: boolean }>;
      if (r.version === "final" || !years.has(year))
        years.set(year, { value: Number(r.value), estimate: r.version !== "final" });
    }
    return { byWard, district: district.name };
  } finally {
    await database.close();
  }
}

const printed = (f: { value: number; estimate: boolean } | undefined) =>
  f === undefined
    ? "—"
    : `${formatViNumber(f.value, { maximumFractionDigits: 3 })}${f.estimate ? " (ước)" : ""}`;

/** The comparison table as the reader sees it: unit id → cell texts, and the whole's cells. */
async function readTable(page: Page) {
  const rows = await page.locator("#bang-so-sanh tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      id: Number(tr.getAttribute("data-unit-id")),
      cells: Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? ""),
    })),
  );
  const whole = await page.locator("#bang-so-sanh tfoot td").allTextContents();
  const heading = await page.locator("#bang-so-sanh tfoot th").textContent();
  return { rows, whole, heading };
}

describe.skipIf(browserSkipReason)("compare and trend in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;
  let entered: Entered;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
    entered = await enteredRevenue(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openComparison(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "vanphong.longbien");
    await page.goto(`${server.url}/quan-tri/chi-tieu/so-sanh`);
    await page.locator('select[name="chi-tieu"]').selectOption("THU_NS");
    await page.getByLabel("Từ năm").fill("2015");
    await page.getByLabel("Đến năm").fill("2019");
    await page.getByRole("button", { name: "Xem", exact: true }).click();
    await page.waitForURL(/chi-tieu=THU_NS/);
    return page;
  }

  it("shows the 14 wards' revenue 2015–2019 as entered, with the district's total, at 1366 px", async () => {
    expect(entered.byWard.size).toBe(14);
    const page = await openComparison(1366);
    await page.screenshot({ path: `${SHOTS}/compare-1366.png`, fullPage: true });
    const table = await readTable(page);
    expect(table.rows.map((r) => r.id).sort()).toEqual([...entered.byWard.keys()].sort());
    for (const row of table.rows) {
      const years = entered.byWard.get(row.id);
      expect(row.cells, `ward ${row.id}`).toEqual(YEARS.map((y) => printed(years?.get(y))));
    }
    expect(table.heading).toBe(`Quận ${entered.district}: tổng 14 đơn vị`);
    const totals = YEARS.map((y) => {
      let sum = 0;
      let estimate = false;
      for (const years of entered.byWard.values()) {
        const f = years.get(y) as { value: number; estimate: boolean };
        sum += f.value;
        estimate ||= f.estimate;
      }
      return printed({ value: Math.round(sum * 1000) / 1000, estimate });
    });
    expect(table.whole).toEqual(totals);
    const chart = page.getByRole("img", {
      name: /Thu ngân sách nhà nước trên địa bàn, 2019: so sánh các đơn vị/,
    });
    expect(await chart.count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // Sorting is a link on the column header: 2019, largest first.
    await page.getByRole("link", { name: /^2019/ }).click();
    await page.waitForURL(/sap-xep=2019&chieu=giam/);
    const sorted = await readTable(page);
    const values = sorted.rows.map((r) => entered.byWard.get(r.id)?.get(2019)?.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain("2019");
    await page.screenshot({ path: `${SHOTS}/compare-sorted-1366.png`, fullPage: true });
    await page.context().close();
  }, 120_000);

  it("reads on a 390 px phone: the narrow chart at 12 px text, nothing scrolls sideways but the table", async () => {
    const page = await openComparison(390);
    await page.screenshot({ path: `${SHOTS}/compare-390.png`, fullPage: true });
    const visible = page.getByRole("img", { name: /so sánh các đơn vị/ });
    expect(await visible.count()).toBe(1);
    expect(await visible.getAttribute("class")).toContain("chart-narrow");
    // Drawn 1:1: the SVG's width on screen is its own, so 12 px text stays 12 px.
    const scale = await visible.evaluate(
      (svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute("width")),
    );
    expect(scale).toBeGreaterThanOrEqual(0.999);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter(
          (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest(".table-scroll"),
        )
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
    );
    expect(overflow, wide.join("; ")).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("shows a ward's trend across years on its evaluation page, at both widths", async () => {
    const thuongThanh = [...entered.byWard.entries()].find(
      ([, years]) => years.get(2019)?.value === 44.4,
    )?.[0];
    expect(thuongThanh).toBeDefined();
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await signIn(page, server.url, "vanphong.longbien");
      await page.goto(`${server.url}/don-vi/${thuongThanh}/danh-gia?ky=2019&xu-huong=THU_NS`);
      await page.screenshot({ path: `${SHOTS}/evaluation-${width}.png`, fullPage: true });
      const cells = await page.locator("#bang-xu-huong tbody td").allTextContents();
      expect(cells).toEqual(YEARS.map((y) => printed(entered.byWard.get(thuongThanh as number)?.get(y))));
      expect(
        await page
          .getByRole("img", { name: /Thu ngân sách nhà nước trên địa bàn, Phường Thượng Thanh/ })
          .count(),
      ).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator("#xu-huong").screenshot({ path: `${SHOTS}/ward-trend-${width}.png` });
      await page
        .locator('section[aria-labelledby="chart-title"]')
        .screenshot({ path: `${SHOTS}/achievement-${width}.png` });
      await context.close();
    }
  }, 120_000);
});
