import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/core/db/database.js";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";

describe.skipIf(browserSkipReason)("the comparable base in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;
  let newVietHung: number;

  beforeAll(async () => {
    server = await startLiveServer();
    const database = await openDatabase({
      kind: "sqlite",
      file: path.join(server.dataDir, "giaoban.sqlite"),
    });
    try {
      const row = await database.db
        .selectFrom("units")
        .select("id")
        .where("name", "=", "Việt Hưng")
        .where("valid_from", "=", "2025-07-01")
        .executeTakeFirstOrThrow();
      newVietHung = row.id;
    } finally {
      await database.close();
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("switches the new Việt Hưng's 2019 evaluation to its area's figures, with the shares shown", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/don-vi/${newVietHung}/danh-gia?ky=2019`);
    expect(await page.locator("main").textContent()).toContain("Chưa có chỉ tiêu hoặc số liệu đã phê duyệt");
    await page.getByLabel("Số liệu theo địa bàn mới").check();
    await page.getByRole("button", { name: "Xem", exact: true }).click();
    await page.waitForURL(/co-so=quy-doi/);
    const base = page.getByRole("region", { name: "Số liệu quy đổi theo địa bàn mới" });
    const text = await base.textContent();
    expect(text).toContain("phường Thượng Thanh: 60% (Nghị quyết 1656/NQ-UBTVQH15)");
    // Sài Đồng went to old Việt Hưng (40%, then 70% of it) and Phúc Đồng (60%, then 40%): 52%.
    expect(text).toContain("phường Sài Đồng: 52% (Nghị quyết 1656/NQ-UBTVQH15; Nghị quyết 1286/NQ-UBTVQH15)");
    const main = await page.locator("main").textContent();
    expect(main).toContain("Quy đổi: 60% × 44,4 tỷ đồng (phường Thượng Thanh)");
    expect(await page.getByLabel("Số liệu theo địa bàn mới").isChecked()).toBe(true);
    await page.close();
  });
});
