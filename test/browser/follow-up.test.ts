import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import {
  browserSkipReason,
  type LiveServer,
  launchChromium,
  signIn,
  startLiveServer,
} from "../support/browser.js";

/** Screenshots kept as test artifacts. */
const SHOTS = ".tmp/screenshots/follow-up";

/** Rows of the directives list on the page, following its pages. */
async function listRows(page: Page, href: string): Promise<number> {
  await page.goto(href);
  let rows = 0;
  for (;;) {
    rows += await page.locator("main table tbody tr").count();
    const next = page.getByRole("link", { name: "Trang sau →" });
    if ((await next.count()) === 0) return rows;
    await next.click();
  }
}

describe.skipIf(browserSkipReason)("the follow-up table in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("fits a 1366 px laptop, and its counts open lists of as many directives", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "admin");
    await page.getByRole("link", { name: "Theo dõi nhiệm vụ" }).click();
    const table = page.locator("table.follow-up-table");
    const fits = await page.locator(".table-scroll").evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/follow-up-1366.png`, fullPage: true });

    const links = await table.locator("tbody td a").evaluateAll((as) =>
      as.map((a) => ({
        href: (a as HTMLAnchorElement).href,
        n: Number(a.textContent?.replaceAll(".", "")),
      })),
    );
    expect(links.length).toBeGreaterThan(5);
    for (const { href, n } of links.slice(0, 12)) expect(await listRows(page, href), href).toBe(n);
    await context.close();
  }, 120_000);

  it("stacks as cards on a 390 px phone without scrolling sideways", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "admin");
    await page.goto(`${server.url}/quan-tri/theo-doi`);
    const row = page.locator("table.follow-up-table tbody tr").first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    const cell = row.locator("td").first();
    expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"Tổng số"');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/follow-up-390.png`, fullPage: true });
    await context.close();
  }, 120_000);
});
