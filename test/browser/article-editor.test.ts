import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/config.js";
import { openDatabase } from "../../src/core/db/database.js";
import { vnDateString } from "../../src/core/format/vi-date.js";
import { sanitizeArticleHtml } from "../../src/portal/articles/sanitize.js";
import { scheduledPublishingJob } from "../../src/portal/editorial/scheduled-publishing.job.js";
import { seriousViolations } from "../support/axe.js";
import {
  browserSkipReason,
  type LiveServer,
  launchChromium,
  signIn,
  startLiveServer,
} from "../support/browser.js";
import { pick } from "../support/picker.js";

/**
 * The editor journey in Chromium: the portal's editor writes an article in the rich-text editor
 * (typing, toolbar buttons and Ctrl+K), adds a photo from the dialog's upload, sees the autosave,
 * previews the draft, schedules it a few minutes ahead on a clock the test moves, and sees it
 * published once the scheduled-publishing job has run. axe on the editor and the preview at 390 and
 * 1366 px; screenshots kept under .tmp/screenshots/article-editor.
 */

const SHOTS = ".tmp/screenshots/article-editor";
const TITLE = "Phường Thượng Thanh tổng kết công tác năm 2019";

describe.skipIf(browserSkipReason)("the article editor in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer({ PAGE_CACHE_TTL_MS: "0" }, undefined, { now });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function photoFile(): Promise<string> {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "giaoban-editor-")), "hoi-nghi.png");
    await sharp({ create: { width: 800, height: 500, channels: 3, background: "#1b6b3a" } })
      .png()
      .toFile(file);
    return file;
  }

  async function checkA11y(page: Page, name: string) {
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      expect(await seriousViolations(page), `${name} at ${width} px`).toEqual([]);
      // Nothing wider than the screen (no sideways scrolling on a phone).
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${name} at ${width} px`,
      ).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }

  it("writes, previews, schedules and publishes an article", { timeout: 150_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "bientap");
    await page.goto(`${server.url}/quan-tri/bai-viet/moi`);
    const editor = page.getByRole("textbox", { name: "Khung soạn thảo bài viết" });
    await editor.waitFor();
    await checkA11y(page, "editor-empty");

    await page.locator('[name="title"]').fill(TITLE);
    await pick(page, "Đơn vị sở hữu", "Phường Thượng Thanh (đến 30/06/2025)");
    const toolbar = page.getByRole("toolbar", { name: "Định dạng văn bản" });
    const tool = (name: string) => toolbar.getByRole("button", { name, exact: true });

    // A heading, a paragraph with bold text, a list, a link, a quote: typed and clicked.
    await editor.click();
    await tool("Tiêu đề").click();
    expect(await tool("Tiêu đề").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.type("Kết quả nổi bật");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Phường hoàn thành ");
    await page.keyboard.press("Control+B");
    await page.keyboard.type("16/16 chỉ tiêu");
    await page.keyboard.press("Control+B");
    await page.keyboard.type(" năm 2019.");
    await page.keyboard.press("Enter");
    await tool("Danh sách").click();
    await page.keyboard.type("Thu ngân sách đạt 111% dự toán");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Giảm 10 hộ nghèo");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Cổng thông tin quận Long Biên");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Control+K");
    const linkDialog = page.getByRole("dialog", { name: "Liên kết" });
    await linkDialog.getByLabel("Địa chỉ liên kết").fill("javascript:alert(1)");
    await linkDialog.getByRole("button", { name: "Chèn liên kết" }).click();
    expect(await linkDialog.locator(".field-error").textContent()).toContain("https://");
    await linkDialog.getByLabel("Địa chỉ liên kết").fill("https://longbien.hanoi.gov.vn");
    await linkDialog.getByRole("button", { name: "Chèn liên kết" }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await tool("Trích dẫn").click();
    await page.keyboard.type("Đoàn kết, kỷ cương, sáng tạo.");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");

    // A photo uploaded from the dialog, inserted where the cursor is, with its caption.
    await tool("Ảnh").click();
    const mediaDialog = page.getByRole("dialog", { name: "Chèn ảnh" });
    await mediaDialog.getByText("Tải ảnh mới lên").click();
    await mediaDialog.getByLabel("Tệp ảnh").setInputFiles(await photoFile());
    await mediaDialog.getByLabel("Chú thích", { exact: true }).fill("Hội nghị tổng kết năm 2019");
    await mediaDialog
      .getByLabel("Văn bản thay thế", { exact: true })
      .fill("Đại biểu dự hội nghị tại hội trường phường");
    await mediaDialog.getByRole("button", { name: "Tải lên thư viện" }).click();
    await expect
      .poll(() =>
        mediaDialog.getByRole("button", { name: /Đại biểu dự hội nghị/ }).getAttribute("aria-pressed"),
      )
      .toBe("true");
    expect(await seriousViolations(page)).toEqual([]);
    await mediaDialog.getByLabel("Chú thích ảnh trong bài").fill("Đ/c Bí thư phát biểu tại hội nghị");
    await mediaDialog.getByRole("button", { name: "Chèn ảnh vào bài" }).click();
    await tool("Hoàn tác").click();
    expect(await editor.locator("figure").count()).toBe(0);
    await tool("Làm lại").click();
    expect(await editor.locator("figcaption").textContent()).toBe("Đ/c Bí thư phát biểu tại hội nghị");

    // The textarea (the form field) holds HTML the sanitiser keeps unchanged.
    const body = await page.locator("#f-bodyHtml").inputValue();
    expect(await sanitizeArticleHtml(body)).toBe(body);
    expect(body).toContain("<h2>Kết quả nổi bật</h2>");
    expect(body).toContain("<strong>16/16 chỉ tiêu</strong>");
    expect(body).toContain(
      "<ul><li><p>Thu ngân sách đạt 111% dự toán</p></li><li><p>Giảm 10 hộ nghèo</p></li></ul>",
    );
    expect(body).toContain(
      '<a href="https://longbien.hanoi.gov.vn" rel="noopener noreferrer">Cổng thông tin quận Long Biên</a>',
    );
    expect(body).toContain("<blockquote><p>Đoàn kết, kỷ cương, sáng tạo.</p></blockquote>");
    expect(body).toMatch(
      /<figure><img src="\/media\/[^"]+" alt="Đại biểu dự hội nghị tại hội trường phường" \/><figcaption>Đ\/c Bí thư phát biểu tại hội nghị<\/figcaption><\/figure>/,
    );
    await checkA11y(page, "editor-written");
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.waitForURL(/\/quan-tri\/bai-viet\/\d+\?ok=created$/);
    const editAddress = page.url().replace(/\?.*$/, "");
    expect(await page.locator("#f-bodyHtml").inputValue()).toBe(body);

    // Autosave: more typing is kept as a draft revision after a pause.
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("Đoạn viết thêm sau khi lưu.");
    await expect
      .poll(() => page.locator(".rich-editor-status").textContent(), { timeout: 15_000 })
      .toMatch(/^Đã lưu lúc \d{2}:\d{2}$/);

    // The preview shows the saved article and the text being typed, in the public template.
    await page.getByRole("link", { name: "Xem trước" }).click();
    await page.waitForURL(`${editAddress}/xem-truoc`);
    expect(await page.locator(".preview-banner strong").first().textContent()).toBe("Bản xem trước");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, nofollow");
    expect(await page.locator("h1").textContent()).toBe(TITLE);
    expect(await page.locator(".article-body h2").textContent()).toBe("Kết quả nổi bật");
    expect(await page.locator(".article-body li").allTextContents()).toEqual([
      "Thu ngân sách đạt 111% dự toán",
      "Giảm 10 hộ nghèo",
    ]);
    expect(await page.locator(".article-body figcaption").textContent()).toBe(
      "Đ/c Bí thư phát biểu tại hội nghị",
    );
    expect(await page.locator(".article-body").textContent()).toContain("Đoạn viết thêm sau khi lưu.");
    await checkA11y(page, "preview");
    await page.setViewportSize({ width: 1366, height: 900 });

    // Scheduled five minutes ahead (Vietnam time), then published when the clock gets there.
    await page.goto(editAddress);
    const at = new Date(now().getTime() + 5 * 60_000);
    const hhmm = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Asia/Ho_Chi_Minh",
    }).format(at);
    await page.getByLabel("Ngày đăng").fill(vnDateString(at.toISOString()));
    await page.getByLabel("Giờ đăng").fill(hhmm);
    await page.getByRole("button", { name: "Đăng bài" }).click();
    await page.waitForURL(`${editAddress}?ok=scheduled`);
    expect(await page.locator(".article-status strong").textContent()).toBe("Hẹn giờ đăng");
    const slug = await page.getByLabel("Đường dẫn").inputValue();
    expect((await fetch(`${server.url}/tin-tuc/${slug}`)).status).toBe(404);

    offsetMs += 6 * 60_000;
    const database = await openDatabase(loadConfig({ DATA_DIR: server.dataDir }).database);
    try {
      await scheduledPublishingJob.run(database.db, now());
    } finally {
      await database.close();
    }
    await page.reload();
    expect(await page.locator(".article-status strong").textContent()).toBe("Đã đăng");
    const reader = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await reader.goto(`${server.url}/tin-tuc/${slug}`);
    expect(await reader.locator("h1").textContent()).toBe(TITLE);
    expect(await reader.locator(".article-body a").first().getAttribute("href")).toBe(
      "https://longbien.hanoi.gov.vn",
    );
    expect(await reader.locator(".article-body").textContent()).not.toContain("Đoạn viết thêm sau khi lưu.");
    await reader.screenshot({ path: `${SHOTS}/published-390.png`, fullPage: true });
    await reader.close();
    await context.close();
  });

  it("makes an album from library photos that readers open at /thu-vien-anh", {
    timeout: 90_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url, "bientap");
    await page.goto(`${server.url}/quan-tri/album-anh/moi`);
    await checkA11y(page, "album-form");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('[name="title"]').fill("Hội nghị tổng kết năm 2019 của phường Thượng Thanh");
    await pick(page, "Đơn vị", "Phường Thượng Thanh (đến 30/06/2025)");
    const boxes = page.getByRole("checkbox", { name: /^Đưa ảnh số \d+ vào album/ });
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByLabel("Đăng album trên cổng thông tin").check();
    await page.getByRole("button", { name: "Lưu album" }).click();
    await page.waitForURL(/\/quan-tri\/album-anh\/\d+\?ok=saved$/);
    expect(await page.locator(".notice").first().textContent()).toBe("Đã lưu album.");

    const reader = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await reader.goto(`${server.url}/thu-vien-anh`);
    expect(await reader.locator(".album-card-title").allTextContents()).toContain(
      "Hội nghị tổng kết năm 2019 của phường Thượng Thanh",
    );
    await checkA11y(reader, "album-list");
    await reader.getByRole("link", { name: "Hội nghị tổng kết năm 2019 của phường Thượng Thanh" }).click();
    expect(await reader.locator("h1").textContent()).toBe(
      "Hội nghị tổng kết năm 2019 của phường Thượng Thanh",
    );
    expect(await reader.locator(".album-grid figure").count()).toBe(2);
    await checkA11y(reader, "album-page");
    await reader.close();
    await context.close();
  });
});
