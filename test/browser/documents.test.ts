import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";

/**
 * On a phone (390 px) a citizen finds notice 136-TB/QU in the document library by typing its number
 * without capitals, opens its page and its Word file; the open-data catalogue lists its datasets and
 * each download answers. axe finds no serious violation on the new pages at 390 and 1366 px.
 */
const SHOTS = ".tmp/screenshots/documents";

describe.skipIf(browserSkipReason)("the document library and the open-data catalogue in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer({ VIEW_FLUSH_INTERVAL_MS: "3600000" });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds 136-TB/QU on a phone and opens its file", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: "Văn bản", exact: true }).click();
    await page.waitForURL(`${server.url}/van-ban`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Số, ký hiệu hoặc trích yếu").fill("136-tb/qu");
    await page.getByRole("button", { name: "Tìm văn bản" }).click();
    await page.waitForURL(/\/van-ban\?q=136-tb%2Fqu/);
    const first = page.locator(".document-card").first();
    expect(await first.locator("h2").innerText()).toBe("Thông báo số 136-TB/QU");
    await page.screenshot({ path: `${SHOTS}/van-ban-tim-390.png`, fullPage: true });
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await first.getByRole("link").click();
    await page.waitForURL(/\/van-ban\/\d+$/);
    expect(await page.locator("h1").innerText()).toBe("Thông báo số 136-TB/QU");
    expect(await page.locator(".document-facts").innerText()).toContain("05/01/2020");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/van-ban-trang-390.png`, fullPage: true });
    const link = page.locator(".document-files a").first();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/136-TB-QU\.docx$/);
    const file = await page.request.get(`${server.url}${await link.getAttribute("href")}`);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 2).toString("latin1")).toBe("PK");
    await context.close();
  });

  it("lists the open datasets on a phone and each download returns rows", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: "Dữ liệu mở", exact: true }).click();
    await page.waitForURL(`${server.url}/du-lieu-mo`);
    const titles = await page.locator(".dataset-card h2").allInnerTexts();
    expect(titles).toEqual([
      "Kết quả thực hiện chỉ tiêu theo năm",
      "Tiến độ thực hiện nhiệm vụ được giao",
      "Văn bản chỉ đạo, điều hành",
    ]);
    expect(await page.locator("body").innerText()).not.toContain("THU_NS");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/du-lieu-mo-390.png`, fullPage: true });
    for (const href of await page
      .locator(".dataset-downloads a[download]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.status(), href).toBe(200);
      if (href.endsWith(".json"))
        expect(((await response.json()) as { data: unknown[] }).data.length, href).toBeGreaterThan(0);
      if (href.endsWith(".csv"))
        expect((await response.text()).trim().split("\r\n").length, href).toBeGreaterThan(1);
    }
    await context.close();
  });

  it("has no serious axe violation on the new pages at 1366 px", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    for (const [path, name] of [
      ["/van-ban", "van-ban"],
      ["/du-lieu-mo", "du-lieu-mo"],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${name}-1366.png`, fullPage: true });
    }
    await page.goto(`${server.url}/van-ban?q=136-TB/QU`);
    await page.locator(".document-card a").first().click();
    await page.waitForURL(/\/van-ban\/\d+$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/van-ban-trang-1366.png`, fullPage: true });
    await context.close();
  });
});
