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
const SHOTS = ".tmp/screenshots/accountability";
const REFERENCE = "/tin-tuc/ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

/** No sideways scrolling, no serious axe violation, and a full-page screenshot. */
async function checkPage(page: Page, shot: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, shot).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page), shot).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
}

describe.skipIf(browserSkipReason)("public accountability and the session's article in Chromium", () => {
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

  it("a citizen on a phone reads the reference article, opens its conclusions and sees the nine with their states", async () => {
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${REFERENCE}`);
    await page.getByRole("link", { name: "Theo dõi thực hiện kết luận (Thông báo 136-TB/QU)" }).click();
    await page.waitForURL(/\/ket-luan\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Kết luận của đồng chí Bí thư Quận ủy tại buổi làm việc",
    );
    const items = page.locator("li.accountability-item");
    expect(await items.count()).toBe(9);
    const states = await items.locator("h3 .badge").allTextContents();
    expect(states).toHaveLength(9);
    expect(states).toContain("Đã hoàn thành đúng hạn");
    // Every item's state is said in words the directives' timeliness gives.
    for (const state of states)
      expect(state).toMatch(/^(Đang thực hiện|Đã hoàn thành|Quá hạn|Đang bàn giao|Tạm dừng|Không tiếp tục)/);
    expect(await page.locator("main").textContent()).toContain("Phòng họp 1 UBND phường Thượng Thanh");
    // The public part of the ward's reports shows, with their dates.
    expect(await page.locator("main").textContent()).toContain(
      "23/23 chi bộ trực thuộc đã tổ chức xong đại hội.",
    );
    await checkPage(page, "ket-luan-390");
    await context.close();

    const wide = await browser.newContext({ viewport: LAPTOP, bypassCSP: true });
    const laptop = await wide.newPage();
    await laptop.goto(page.url());
    await checkPage(laptop, "ket-luan-1366");
    await wide.close();
  }, 120_000);

  it("the notice's owner sees what is public and may withdraw it (the admin page at both widths)", async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      await signIn(page, server.url, "vanphong.longbien");
      await page.goto(`${server.url}${REFERENCE}`);
      const href = await page.getByRole("link", { name: /Theo dõi thực hiện kết luận/ }).getAttribute("href");
      const id = href?.split("/").pop();
      await page.goto(`${server.url}/quan-tri/thong-bao-ket-luan/${id}/cong-khai`);
      expect(await page.locator("main").textContent()).toContain("Đây là văn bản của tổ chức Đảng");
      expect(await page.getByRole("button", { name: "Thôi công khai" }).count()).toBe(1);
      await checkPage(page, `cong-khai-${viewport.width}`);
      await context.close();
    }
  }, 120_000);

  it("the city's leader previews the 2026 session's article, drafts it, and is told an editor takes it on", async () => {
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "ubnd.hanoi");
    await page.goto(`${server.url}/quan-tri/buoi-lam-viec`);
    await page
      .getByRole("link", { name: "Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng" })
      .first()
      .click();
    await page.getByRole("link", { name: "Soạn tin bài" }).click();
    await page.waitForURL(/\/soan-tin$/);
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toBe(
      "Lãnh đạo UBND Thành phố Hà Nội làm việc với phường Việt Hưng",
    );
    await checkPage(page, "soan-tin-390");
    const wide = await browser.newContext({ viewport: LAPTOP, bypassCSP: true });
    const laptop = await wide.newPage();
    await signIn(laptop, server.url, "ubnd.hanoi");
    await laptop.goto(page.url());
    await checkPage(laptop, "soan-tin-1366");
    await wide.close();
    await page.getByRole("button", { name: "Tạo bản nháp tin bài" }).click();
    await page.waitForURL(/\/soan-tin\?da-tao=1$/);
    expect(await page.getByRole("status").first().textContent()).toContain("Đã tạo bản nháp tin bài.");
    await context.close();
  }, 180_000);

  it("an editor drafts the article of the 2026 session from its record and finds its figures, conclusions and attendees", async () => {
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "admin");
    await page.goto(`${server.url}/quan-tri/buoi-lam-viec`);
    await page
      .getByRole("link", { name: "Phó Chủ tịch UBND Thành phố làm việc với phường Việt Hưng" })
      .first()
      .click();
    await page.getByRole("link", { name: "Soạn tin bài" }).click();
    await page.waitForURL(/\/soan-tin$/);
    await page.getByRole("button", { name: "Tạo bản nháp tin bài" }).click();
    await page.waitForURL(/\/quan-tri\/bai-viet\/\d+$/);
    expect(await page.locator('input[name="title"]').inputValue()).toBe(
      "Lãnh đạo UBND Thành phố Hà Nội làm việc với phường Việt Hưng",
    );
    const body = await page.locator('textarea[name="bodyHtml"]').inputValue();
    const lead = await page.locator('[name="lead"]').inputValue();
    expect(lead).toContain("chiều 18/03/2026, tại Hội trường UBND phường Việt Hưng");
    expect(lead).toContain("Đồng chí Vũ Minh Quang – Phó Chủ tịch UBND Thành phố chủ trì.");
    // Attendees of both sides.
    expect(body).toContain("đồng chí Hoàng Thị Lan Anh – Phó Chánh Văn phòng UBND Thành phố");
    expect(body).toContain("đồng chí Trần Đức Thắng – Phó Bí thư Đảng ủy, Chủ tịch UBND phường");
    // The ward's figures from its 2025 evaluation narrative.
    expect(body).toMatch(/Năm 2025, phường Việt Hưng[^<]*chỉ tiêu/);
    // The numbered conclusions of 112/TB-VP.
    expect(body).toContain("<ol><li>Về phát triển kinh tế, thu ngân sách:");
    expect(body.match(/<li>/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: `${SHOTS}/ban-nhap-390.png`, fullPage: true });
    await context.close();
  }, 180_000);
});
