import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";
import { pick } from "../support/picker.js";

const SLUG = "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";
const TITLE = "Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh";
const PASSWORD = "giaoban2020";

async function logIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${baseUrl}/quan-tri`);
}

describe.skipIf(browserSkipReason)("foundation journeys in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    // A long flush interval: the test decides when views are written (by stopping the server).
    server = await startLiveServer({ VIEW_FLUSH_INTERVAL_MS: "3600000" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens the reference article from the home page: date, time, views, paragraphs and captioned photos", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.locator("h1").first().textContent()).toBe("Tin mới nhất");
    const first = page.locator(".article-card-title a").first();
    expect(await first.textContent()).toBe(TITLE);
    await first.click();
    await page.waitForURL(`${server.url}/tin-tuc/${SLUG}`);
    expect(await page.locator("h1").textContent()).toBe(TITLE);
    expect(await page.locator(".article-meta").textContent()).toBe(
      "Ngày đăng 02/01/2020 | 21:49 | Lượt xem: 129",
    );
    const paragraphs = await page.locator(".article-body p").allTextContents();
    expect(paragraphs).toContain(
      "9. Đối với các nhóm kiến nghị, đề xuất của phường: thống nhất và giao UBND phường phối hợp với các phòng, ban liên quan quận hoàn thiện các thủ tục, các bước theo lộ trình.",
    );
    expect(await page.locator(".article-body li").count()).toBe(2);
    const captions = await page.locator("figure figcaption").allTextContents();
    expect(captions).toEqual([
      "Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.",
      "Đ/c Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường báo cáo trước hội nghị",
    ]);
    // Both photos really load (they are lazy: bring each into view first).
    for (const img of await page.locator("figure img").all()) {
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBeGreaterThan(0);
      expect(await img.getAttribute("alt")).toBeTruthy();
    }
    await page.close();
  });

  it("counts the reader's view on reload, and keeps it through a shutdown flush", async () => {
    const context = await browser.newContext({
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 giaoban-reader",
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/tin-tuc/${SLUG}`);
    const before = Number((await page.locator(".article-meta").textContent())?.match(/Lượt xem: (\d+)/)?.[1]);
    await page.reload();
    expect(await page.locator(".article-meta").textContent()).toContain(`Lượt xem: ${before + 1}`);
    // A second reload within 30 minutes is the same visitor: no new view.
    await page.reload();
    expect(await page.locator(".article-meta").textContent()).toContain(`Lượt xem: ${before + 1}`);
    await context.close();

    // Stop the server (the buffer is flushed on shutdown), start a new one on the same data.
    await server.stop();
    server = await startLiveServer({ VIEW_FLUSH_INTERVAL_MS: "3600000" }, server.dataDir);
    const api = await (await fetch(`${server.url}/api/v1/articles/${SLUG}`)).json();
    expect(api.data.views).toBe(before + 1);
  });

  it("lets the editor publish an article with a photo, caption and alt text, then shows it first on the home page", async () => {
    const photo = path.join(mkdtempSync(path.join(tmpdir(), "giaoban-photo-")), "hop.png");
    await sharp({ create: { width: 640, height: 400, channels: 3, background: "#a3161b" } })
      .png()
      .toFile(photo);
    const page = await browser.newPage();
    await logIn(page, server.url, "bientap");
    await page.goto(`${server.url}/quan-tri/bai-viet/moi`);
    const title = "Phường Thượng Thanh ra quân trật tự đô thị năm 2020";
    await page.locator('[name="title"]').fill(title);
    await page
      .locator('textarea[name="bodyHtml"]')
      .fill("<p>Sáng nay, phường ra quân.</p><p>Đoạn hai.<script>alert(1)</script></p>");
    await page.locator('select[name="categoryId"]').selectOption({ label: "Hoạt động các phường" });
    await pick(page, "Đơn vị sở hữu", "Phường Thượng Thanh (đến 30/06/2025)");
    await page.locator('input[name="photo"]').setInputFiles(photo);
    await page.locator('[name="caption"]').fill("Lực lượng ra quân tại tổ 29");
    await page.locator('[name="alt"]').fill("Cán bộ phường đứng trước trụ sở");
    await page.getByRole("button", { name: "Đăng bài" }).first().click();
    await page.waitForLoadState("networkidle");
    await page.waitForURL((url) => !url.pathname.endsWith("/moi"));

    await page.goto(server.url);
    expect(await page.locator(".article-card-title a").first().textContent()).toBe(title);
    await page.locator(".article-card-title a").first().click();
    expect(await page.locator("figure figcaption").first().textContent()).toBe("Lực lượng ra quân tại tổ 29");
    expect(await page.locator("figure img").first().getAttribute("alt")).toBe(
      "Cán bộ phường đứng trước trụ sở",
    );
    expect(await page.content()).not.toContain("alert(1)");
    await page.close();
  });

  it("refuses a ward officer another ward's page with a clear 403", async () => {
    const units = await (
      await fetch(`${server.url}/api/v1/units?q=Ng%E1%BB%8Dc%20Th%E1%BB%A5y&at=2020-01-02`)
    ).json();
    const ngocThuy = units.data.find((u: { level: string }) => u.level === "ward");
    const thuongThanh = (
      await (await fetch(`${server.url}/api/v1/units?q=Th%C6%B0%E1%BB%A3ng%20Thanh&at=2020-01-02`)).json()
    ).data[0];
    const page = await browser.newPage();
    await logIn(page, server.url, "thuongthanh");
    const own = await page.goto(`${server.url}/quan-tri/don-vi/${thuongThanh.id}`);
    expect(own?.status()).toBe(200);
    const other = await page.goto(`${server.url}/quan-tri/don-vi/${ngocThuy.id}`);
    expect(other?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toBe("Không có quyền truy cập");
    await page.close();
  });
});
