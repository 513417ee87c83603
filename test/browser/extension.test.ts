import { describe, expect, it } from "vitest";
import { browserSkipReason, liveBrowserSuite, signIn } from "../support/browser.js";
import {
  dayAfter,
  grantExtension,
  OVERDUE_DIRECTIVE,
  openDirective,
  requestExtension,
} from "../support/extension-steps.js";

const REASON = "Chờ Sở Xây dựng thẩm định phương án cưỡng chế hai công trình còn lại.";
const OPINION = "Đồng ý; phường báo cáo kết quả trước hạn mới.";

describe.skipIf(browserSkipReason)("deadline extension in Chromium", () => {
  const live = liveBrowserSuite();

  it("the ward's office asks for a later date, the city grants it, and the task is judged by the new date", async () => {
    const { server, browser } = live;
    const newDate = dayAfter(30);

    // 1. phường Việt Hưng's office finds its late task and asks for an extension.
    const ward = await (await browser.newContext()).newPage();
    await signIn(ward, server.url, "viethung");
    await ward.goto(`${server.url}/quan-tri/nhiem-vu?tien_do=overdue`);
    await openDirective(ward, OVERDUE_DIRECTIVE);
    await requestExtension(ward, newDate, REASON);

    // 2. The city's office sees it on its dashboard and in its menu, opens it and grants it.
    const city = await (await browser.newContext()).newPage();
    await signIn(city, server.url, "ubnd.hanoi");
    expect(await city.locator("nav.admin-nav").textContent()).toContain("Đề nghị gia hạn (1)");
    await city.getByRole("link", { name: /1 Đề nghị gia hạn chờ duyệt/ }).click();
    await openDirective(city, OVERDUE_DIRECTIVE);
    await grantExtension(city, newDate, "30/09/2026", REASON, OPINION);
    expect(await city.locator("nav.admin-nav").textContent()).not.toContain("Đề nghị gia hạn (");

    // 3. The ward no longer has it among its late tasks.
    await ward.goto(`${server.url}/quan-tri/nhiem-vu?tien_do=overdue`);
    expect(await ward.locator("main").textContent()).not.toContain(OVERDUE_DIRECTIVE);
  }, 120_000);
});
