import { describe, expect, it } from "vitest";
import { browserSkipReason, liveBrowserSuite } from "../support/browser.js";
import {
  checkAtBothWidths,
  checkPage,
  dashboardCards,
  itWalksEachDay,
  LAPTOP,
  PHONE,
  signedInPage,
  WIDTHS,
} from "../support/day-walk.js";
import {
  dayAfter,
  grantExtension,
  OVERDUE_DIRECTIVE,
  openDirective,
  requestExtension,
} from "../support/extension-steps.js";

/**
 * The day of each account of the demo's present-day story (December 2026, Hà Nội and phường Việt
 * Hưng; README "Demo accounts") at 1366 px and 390 px: every dashboard card opens a list of exactly
 * its count of rows; the city's leader opens the overdue count and lands on that directive; the ward
 * asks for an extension and the city grants it. axe finds nothing on any admin page opened, at either
 * width. Screenshots: .tmp/screenshots/day-walk/.
 */
const ACCOUNTS = ["viethung", "lanhdao.viethung", "ubnd.hanoi"];
const REASON = "Chờ Sở Xây dựng thẩm định phương án cưỡng chế hai công trình còn lại.";
const OPINION = "Đồng ý; phường báo cáo kết quả trước hạn mới.";

describe.skipIf(browserSkipReason)("a day of each present-day demo account in Chromium", () => {
  const live = liveBrowserSuite();

  describe.each(WIDTHS)("at $width px", (viewport) => {
    itWalksEachDay(live, ACCOUNTS, viewport);

    it("the city's leader opens the overdue count and lands on the late directive", async () => {
      const page = await signedInPage(live.browser, live.server.url, "ubnd.hanoi", viewport);
      const shot = `lanh-dao-qua-han-${viewport.width}`;
      const overdue = (await dashboardCards(page)).find((c) => c.key === "directives.overdue");
      expect(overdue?.count).toBe(1);
      // The card as a person finds it: its count and label, one link.
      await page.getByRole("link", { name: `1 ${overdue?.label}`, exact: true }).click();
      await page.waitForURL(/tien_do=overdue/);
      expect(await page.locator("main table > tbody > tr").count()).toBe(1);
      expect(await page.locator("main table > tbody").textContent()).toContain(OVERDUE_DIRECTIVE);
      const problems = await checkPage(page, `${shot}-danh-sach`);
      await openDirective(page, OVERDUE_DIRECTIVE);
      expect(await page.locator("main dl").textContent()).toContain("Quá hạn");
      problems.push(...(await checkPage(page, `${shot}-nhiem-vu`)));
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);
  });

  it("the ward asks on its phone for a later date, the city grants it on a laptop; both dashboards follow", async () => {
    const { server, browser } = live;
    const newDate = dayAfter(30);
    const problems: string[] = [];

    // 1. phường Việt Hưng's office, on a phone, opens its overdue card and asks for an extension.
    const ward = await signedInPage(browser, server.url, "viethung", PHONE);
    await ward.locator('main .dashboard-cards > li[data-key="directives.overdue"] a').click();
    await ward.waitForURL(/tien_do=overdue/);
    await openDirective(ward, OVERDUE_DIRECTIVE);
    problems.push(...(await checkAtBothWidths(ward, "gia-han-1-phuong-nhiem-vu")));
    await requestExtension(ward, newDate, REASON);
    problems.push(...(await checkAtBothWidths(ward, "gia-han-2-phuong-da-gui")));

    // 2. The city's office finds the request on its dashboard and grants it.
    const city = await signedInPage(browser, server.url, "ubnd.hanoi", LAPTOP);
    const before = await dashboardCards(city);
    expect(before.find((c) => c.key === "directives.extensionRequests")?.count).toBe(1);
    await city.locator('main .dashboard-cards > li[data-key="directives.extensionRequests"] a').click();
    await city.waitForURL(/gia_han=cho_duyet/);
    problems.push(...(await checkAtBothWidths(city, "gia-han-3-thanh-pho-danh-sach")));
    await openDirective(city, OVERDUE_DIRECTIVE);
    problems.push(...(await checkAtBothWidths(city, "gia-han-4-thanh-pho-nhiem-vu")));
    await grantExtension(city, newDate, "30/09/2026", REASON, OPINION);
    problems.push(...(await checkAtBothWidths(city, "gia-han-5-thanh-pho-da-duyet")));

    // 3. Neither dashboard counts it any more: no request waiting, nothing overdue.
    for (const page of [city, ward]) {
      await page.goto(`${server.url}/quan-tri`);
      const cards = await dashboardCards(page);
      expect(cards.find((c) => c.key === "directives.overdue")?.count).toBe(0);
      expect(cards.find((c) => c.key === "directives.extensionRequests")?.count ?? 0).toBe(0);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
