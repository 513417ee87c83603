import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/core/db/database.js";
import { loadEmulationDemo } from "../../src/demo/load-emulation.js";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";
import { pick } from "../support/picker.js";

describe.skipIf(browserSkipReason)("emulation ranking in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiveServer();
    // The demo loader includes the emulation demo once wired; until then, add it to the server's database.
    const database = await openDatabase({
      kind: "sqlite",
      file: path.join(server.dataDir, "giaoban.sqlite"),
    });
    try {
      if (!(await database.db.selectFrom("emulation_schemes").select("id").executeTakeFirst())) {
        await database.db.transaction().execute((trx) => loadEmulationDemo(trx));
      }
    } finally {
      await database.close();
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows Thượng Thanh first of Long Biên's 14 wards for 2019, in the table and the chart", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/xep-hang`);
    await pick(page, "Các đơn vị thuộc", "Quận Long Biên (đến 30/06/2025)");
    await page.getByLabel("Kỳ (năm hoặc nhiệm kỳ)").fill("2019");
    await page.getByRole("button", { name: "Xem xếp hạng" }).click();
    await page.waitForURL(/\/xep-hang\?don-vi=\d+&ky=2019/);
    expect(await page.locator("h2").first().textContent()).toBe("Năm 2019: các đơn vị thuộc Quận Long Biên");
    expect(await page.locator("main").textContent()).toContain("do Hội đồng thi đua chấm");
    const rows = page.locator("#bang-xep-hang tbody tr");
    expect(await rows.count()).toBe(14);
    const first = rows.first();
    expect(await first.locator("th").textContent()).toBe("Phường Thượng Thanh");
    expect((await first.locator("td").first().textContent())?.trim()).toBe("1");
    expect(await first.locator("td").last().textContent()).toBe("xếp thứ 1/14");
    const chart = page.getByRole("img", { name: /Điểm thi đua năm 2019/ });
    const labels = await chart.locator("text").allTextContents();
    expect(labels.some((text) => text.startsWith("1. Thượng Thanh: "))).toBe(true);
    await page.close();
  });
});
