import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";

const PASSWORD = "giaoban2020";

async function logIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/dang-nhap`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
}

/** The texts of the options a picker's listbox shows now, each with the heading of its group. */
async function shownOptions(page: Page, listboxId: string): Promise<string[]> {
  return page.locator(`#${listboxId} [role="option"]:visible`).evaluateAll((els) =>
    els.map((el) => {
      const group = el.closest('[role="group"]');
      const heading = group ? document.getElementById(group.getAttribute("aria-labelledby") ?? "") : null;
      return `${heading?.textContent ?? ""} › ${el.textContent}`;
    }),
  );
}

describe.skipIf(browserSkipReason)("pickers of units, organisations and people in Chromium", () => {
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

  it('finds "Việt Hưng" by typing "viet hung", today\'s ward first and the former one apart', async () => {
    // bypassCSP: only so that the axe-core script can be injected; the pages' own policy is unchanged.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await logIn(page, server.url, "admin");
    await page.goto(`${server.url}/quan-tri/nhiem-vu`);
    const combo = page.getByRole("combobox", { name: "Đơn vị chủ trì" });
    await combo.click();
    await combo.fill("viet hung");
    expect(await combo.getAttribute("aria-expanded")).toBe("true");
    const shown = await shownOptions(page, "f-don-vi-ds");
    expect(shown[0]).toBe("Đơn vị hiện nay › Phường Việt Hưng");
    expect(shown).toContain("Đơn vị cũ (đến 30/06/2025) › Phường Việt Hưng (đến 30/06/2025)");
    expect(shown.every((s) => s.includes("Việt Hưng"))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // "đ" folds to "d": "bo de" finds both Bồ Đề, told apart by their groups.
    await combo.fill("BO DE");
    expect(await shownOptions(page, "f-don-vi-ds")).toEqual([
      "Đơn vị hiện nay › Phường Bồ Đề",
      "Đơn vị cũ (đến 30/06/2025) › Phường Bồ Đề (đến 30/06/2025)",
    ]);

    // Keyboard: the first match is active; Enter chooses it, and the form filters by it.
    await combo.fill("viet hung");
    await combo.press("Enter");
    expect(await combo.getAttribute("aria-expanded")).toBe("false");
    expect(await combo.inputValue()).toBe("Phường Việt Hưng");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/don_vi=\d+/);
    const chosen = new URL(page.url()).searchParams.get("don_vi");
    const selectValue = await page
      .locator("select#f-don-vi")
      .evaluate((el) => (el as HTMLSelectElement).value);
    expect(selectValue).toBe(chosen);
    expect(await page.getByRole("combobox", { name: "Đơn vị chủ trì" }).inputValue()).toBe(
      "Phường Việt Hưng",
    );
    await page.close();
  });

  it("without JavaScript the picker is a plain select with its groups", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, server.url, "admin");
    await page.goto(`${server.url}/quan-tri/nhiem-vu`);
    const select = page.getByLabel("Đơn vị chủ trì");
    const groups = await select
      .locator("optgroup")
      .evaluateAll((els) => els.map((el) => el.getAttribute("label")));
    expect(groups.slice(0, 2)).toEqual(["Đơn vị hiện nay", "Đơn vị cũ (đến 30/06/2025)"]);
    await select.selectOption({ label: "Phường Việt Hưng" });
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/don_vi=\d+/);
    await context.close();
  });

  it("chooses two coordinating bodies as chips and saves both", async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await logIn(page, server.url, "admin");
    // An open directive (overdue since 2020), which its assigner may still adjust.
    await page.goto(`${server.url}/quan-tri/nhiem-vu?tien_do=overdue`);
    await page.locator('main a[href^="/quan-tri/nhiem-vu/"]').first().click();
    const combo = page.getByRole("combobox", { name: "Đơn vị phối hợp" });
    // Clear what the directive had, with the chips' remove buttons.
    const chosen = page.getByRole("list", { name: "Đã chọn" });
    while ((await chosen.getByRole("button").count()) > 0) await chosen.getByRole("button").first().click();
    expect(await chosen.getByRole("listitem").count()).toBe(0);

    // Today's wards (a unit dissolved in 2025 is refused as a coordinator today).
    await combo.fill("viet hung");
    await combo.press("ArrowDown");
    await combo.press("ArrowUp");
    await combo.press("Enter");
    await combo.fill("bo de");
    await page.getByRole("option", { name: "Phường Bồ Đề", exact: true }).click();
    expect(await combo.inputValue()).toBe("");
    expect(await chosen.getByRole("listitem").allTextContents()).toEqual([
      "Phường Bồ Đề×",
      "Phường Việt Hưng×",
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await combo.press("Escape");
    await page.getByRole("button", { name: "Lưu điều chỉnh" }).click();
    await page.waitForURL(/\?ok=sua$/);
    const row = page.locator("dt", { hasText: "Phối hợp" }).locator("xpath=following-sibling::dd[1]");
    expect(await row.textContent()).toBe("Phường Bồ Đề; Phường Việt Hưng");
    await page.close();
  });
});
