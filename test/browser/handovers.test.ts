import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  type LiveServer,
  launchChromium,
  signIn,
  startLiveServer,
} from "../support/browser.js";

describe.skipIf(browserSkipReason)("hand-over of a former ward's directive in Chromium", () => {
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

  it("picks a successor for the directive due 30/09/2020, needs a legal basis, and shows it in the history", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.url, "admin");

    await page.getByRole("link", { name: "Bàn giao công việc" }).click();
    expect(
      await page.getByRole("heading", { name: /Phường Thượng Thanh \(đến 30\/06\/2025\)/ }).count(),
    ).toBe(1);
    const choice = page.getByLabel(/^Quyết định cho “Phường chủ động xây dựng kế hoạch/);
    await choice.selectOption({ label: "Chuyển cho phường Việt Hưng (60% dân số)" });
    await page.getByLabel(/Căn cứ pháp lý/).fill("");
    await page.getByRole("button", { name: "Lưu các quyết định" }).click();
    expect(await page.locator("#f-can_cu-error").textContent()).toContain("Vui lòng ghi căn cứ pháp lý");

    await page.getByLabel(/Căn cứ pháp lý/).fill("NQ 1656/NQ-UBTVQH15");
    await page.getByRole("button", { name: "Lưu các quyết định" }).click();
    expect(await page.getByRole("status").first().textContent()).toContain("Đã lưu 1 quyết định bàn giao.");

    await page.goto(`${server.url}/quan-tri/nhiem-vu?tien_do=overdue`);
    await page.getByRole("link", { name: /Phường chủ động xây dựng kế hoạch/ }).click();
    expect(await page.locator("main").textContent()).toContain(
      "Tiếp nhận từ phường Thượng Thanh (NQ 1656/NQ-UBTVQH15)",
    );
  }, 60_000);
});
