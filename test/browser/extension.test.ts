import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";

const PASSWORD = "giaoban2020";
/** The demo's present-day directive that runs late: phường Việt Hưng, deadline 30/09/2026. */
const OVERDUE = "Xử lý dứt điểm các công trình vi phạm trật tự xây dựng tồn tại từ trước khi sắp xếp";

async function logIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${baseUrl}/quan-tri`);
}

/** A day `days` after today in Vietnam, as the date input takes it and as pages print it. */
function dayAfter(days: number): { iso: string; vi: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-");
  return { iso, vi: `${d}/${m}/${y}` };
}

describe.skipIf(browserSkipReason)("deadline extension in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the ward's office asks for a later date, the city grants it, and the task is judged by the new date", async () => {
    const newDate = dayAfter(30);

    // 1. phường Việt Hưng's office finds its late task and asks for an extension.
    const ward = await (await browser.newContext()).newPage();
    await logIn(ward, server.url, "viethung");
    await ward.goto(`${server.url}/quan-tri/nhiem-vu?tien_do=overdue`);
    await ward.getByRole("link", { name: new RegExp(OVERDUE) }).click();
    // The list shows the same notice and title: read the page only once the directive's own has loaded.
    await ward.waitForURL(/\/quan-tri\/nhiem-vu\/\d+$/);
    expect(await ward.locator("main dl").textContent()).toContain("Quá hạn");
    await ward.getByRole("button", { name: "Gửi đề nghị gia hạn" }).click();
    expect(await ward.locator("#f-requestedDate-error").textContent()).toBe(
      "Vui lòng chọn ngày đề nghị gia hạn.",
    );
    expect(await ward.locator("#f-reason-error").textContent()).toBe("Vui lòng nêu lý do xin gia hạn.");
    await ward.getByLabel("Gia hạn đến ngày").fill(newDate.iso);
    await ward
      .getByLabel("Lý do xin gia hạn")
      .fill("Chờ Sở Xây dựng thẩm định phương án cưỡng chế hai công trình còn lại.");
    await ward.getByRole("button", { name: "Gửi đề nghị gia hạn" }).click();
    await ward.waitForURL(/\?ok=gia-han$/);
    expect(await ward.locator("main").textContent()).toContain("Đã gửi đề nghị gia hạn.");
    expect(await ward.getByRole("button", { name: "Gửi đề nghị gia hạn" }).count()).toBe(0);

    // 2. The city's office sees it on its dashboard and in its menu, opens it and grants it.
    const city = await (await browser.newContext()).newPage();
    await logIn(city, server.url, "ubnd.hanoi");
    expect(await city.locator("nav.admin-nav").textContent()).toContain("Đề nghị gia hạn (1)");
    await city.getByRole("link", { name: /1 Đề nghị gia hạn chờ duyệt/ }).click();
    await city.getByRole("link", { name: new RegExp(OVERDUE) }).click();
    await city.waitForURL(/\/quan-tri\/nhiem-vu\/\d+$/);
    expect(await city.locator("main").textContent()).toContain(
      `Duyệt đề nghị gia hạn đến ngày ${newDate.vi}`,
    );
    await city
      .getByLabel("Ý kiến, lý do của người duyệt")
      .fill("Đồng ý; phường báo cáo kết quả trước hạn mới.");
    await city.getByRole("button", { name: "Đồng ý gia hạn" }).click();
    await city.waitForURL(/\?ok=duyet-gia-han$/);
    const main = (await city.locator("main").textContent()) ?? "";
    expect(main).toContain(`Hạn ban đầu: trước ngày 30/09/2026; hạn đã gia hạn: trước ngày ${newDate.vi}.`);
    expect(await city.locator("main dl").textContent()).toContain("Trong hạn");
    // The history keeps both steps, with who and why.
    const history = (await city.locator("main ol").textContent()) ?? "";
    expect(history).toContain("Đề nghị gia hạn");
    expect(history).toContain("Chờ Sở Xây dựng thẩm định phương án cưỡng chế");
    expect(history).toContain("Đồng ý gia hạn");
    expect(history).toContain("Đồng ý; phường báo cáo kết quả trước hạn mới.");
    expect(await city.locator("nav.admin-nav").textContent()).not.toContain("Đề nghị gia hạn (");

    // 3. The ward no longer has it among its late tasks.
    await ward.goto(`${server.url}/quan-tri/nhiem-vu?tien_do=overdue`);
    expect(await ward.locator("main").textContent()).not.toContain(OVERDUE);
  }, 120_000);
});
