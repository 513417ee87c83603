import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";

/**
 * The editor journey in Chromium on the demo data: the ward's writer drafts and submits, the
 * district's editor returns it with a comment, the writer fixes and resubmits, the editor publishes,
 * and the article leads the home page. The editor's pages pass axe-core (no serious or critical
 * WCAG 2.1 A/AA violation) along the way.
 */

const PASSWORD = "giaoban2020";
const TITLE = "Phường Thượng Thanh ra quân bảo đảm trật tự đô thị dịp Tết";

async function logIn(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${baseUrl}/quan-tri`);
  return page;
}

describe.skipIf(browserSkipReason)("the editor journey in Chromium", () => {
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

  it("goes from draft to review to publication, with a return and a fix on the way", {
    timeout: 90_000,
  }, async () => {
    // bypassCSP: only so that the axe-core script can be injected; the pages' own policy is unchanged.
    const writerContext = await browser.newContext({ bypassCSP: true });
    const editorContext = await browser.newContext({ bypassCSP: true });
    const writer = await logIn(writerContext, server.url, "thuongthanh");
    const editor = await logIn(editorContext, server.url, "bientap");

    // The writer drafts.
    await writer.goto(`${server.url}/quan-tri/bai-viet/moi`);
    expect(await seriousViolations(writer)).toEqual([]);
    await writer.getByLabel("Tiêu đề").fill(TITLE);
    await writer
      .getByLabel("Nội dung")
      .fill(
        '<p class="MsoNormal" style="font-size:14pt">Sáng 20/01/2020, phường ra quân.<o:p></o:p></p><script>alert(1)</script>',
      );
    await writer.getByLabel("Chuyên mục").selectOption({ label: "Hoạt động các phường" });
    await writer.getByLabel("Từ khóa").fill("trật tự đô thị, Tết");
    await writer.getByRole("button", { name: "Lưu nháp" }).click();
    await writer.waitForURL(/\/quan-tri\/bai-viet\/\d+\?ok=created$/);
    const editAddress = writer.url().replace(/\?.*$/, "");
    expect(await writer.locator(".notice").first().textContent()).toBe("Đã lưu bài viết.");
    expect(await writer.locator(".article-status strong").textContent()).toBe("Bản nháp");

    // …and submits.
    await writer.getByRole("button", { name: "Gửi duyệt" }).click();
    await writer.waitForURL(`${server.url}/quan-tri/bai-viet?ok=submitted`);
    expect(await writer.locator(".notice").textContent()).toBe("Đã gửi bài cho biên tập viên duyệt.");
    const row = writer.locator("tr", { hasText: TITLE });
    expect(await row.locator(".status").textContent()).toBe("Chờ duyệt");

    // The editor finds it waiting and returns it with a comment.
    await editor.goto(`${server.url}/quan-tri/bai-viet`);
    await editor.getByRole("link", { name: "Chờ duyệt (1)" }).click();
    await editor.getByRole("link", { name: TITLE }).click();
    await editor.waitForURL(editAddress);
    expect(await seriousViolations(editor)).toEqual([]);
    // The pasted Word formatting and the script are gone.
    expect(await editor.locator("#f-bodyHtml").inputValue()).toBe("<p>Sáng 20/01/2020, phường ra quân.</p>");
    // The comment is required: the browser does not send the form without it.
    await editor.getByRole("button", { name: "Trả lại cho người viết" }).click();
    expect(
      await editor.locator("#f-comment").evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing),
    ).toBe(true);
    expect(editor.url()).toBe(editAddress);
    await editor.getByLabel("Nhận xét gửi người viết").fill("Bổ sung số lượt người tham gia ra quân.");
    await editor.getByRole("button", { name: "Trả lại cho người viết" }).click();
    await editor.waitForURL(`${editAddress}?ok=returned`);

    // The writer sees why, fixes and resubmits.
    await writer.goto(`${server.url}/quan-tri/bai-viet`);
    expect(await writer.locator("tr", { hasText: TITLE }).locator(".status").textContent()).toBe(
      "Bị trả lại",
    );
    await writer.getByRole("link", { name: TITLE }).click();
    expect(await writer.locator(".review-comment").first().textContent()).toBe(
      "Bổ sung số lượt người tham gia ra quân.",
    );
    await writer
      .getByLabel("Nội dung")
      .fill("<p>Sáng 20/01/2020, phường ra quân.</p><p>Hơn 200 cán bộ, hội viên và người dân tham gia.</p>");
    await writer.getByRole("button", { name: "Gửi duyệt" }).click();
    await writer.waitForURL(`${server.url}/quan-tri/bai-viet?ok=submitted`);

    // The editor sees the change in the history, then publishes.
    await editor.goto(`${editAddress}/lich-su`);
    expect(await seriousViolations(editor)).toEqual([]);
    await editor
      .getByRole("link", { name: /^Phiên bản 2/ })
      .first()
      .click();
    expect(await editor.locator(".diff-body ins").allTextContents()).toEqual([
      "Hơn 200 cán bộ, hội viên và người dân tham gia.",
    ]);
    await editor.goto(editAddress);
    await editor.getByRole("button", { name: "Đăng bài" }).click();
    await editor.waitForURL(`${editAddress}?ok=published`);
    expect(await editor.locator(".article-status strong").textContent()).toBe("Đã đăng");
    expect(await editor.locator(".review-trail li").allTextContents()).toEqual([
      expect.stringContaining("Đăng bài"),
      expect.stringContaining("Gửi duyệt"),
      expect.stringContaining("Trả lại để sửa — Bổ sung số lượt người tham gia ra quân."),
      expect.stringContaining("Gửi duyệt"),
    ]);

    // Readers find it first on the home page.
    const reader = await browser.newPage();
    await reader.goto(server.url);
    const first = reader.locator("a", { hasText: TITLE }).first();
    expect(await first.textContent()).toBe(TITLE);
    await first.click();
    expect(await reader.locator("h1").textContent()).toBe(TITLE);
    expect(await reader.locator(".article-body p").allTextContents()).toEqual([
      "Sáng 20/01/2020, phường ra quân.",
      "Hơn 200 cán bộ, hội viên và người dân tham gia.",
    ]);
    await reader.close();
    await writerContext.close();
    await editorContext.close();
  });
});
