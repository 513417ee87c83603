import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import {
  browserSkipReason,
  type LiveServer,
  launchChromium,
  signIn,
  startLiveServer,
} from "../support/browser.js";
import { pick } from "../support/picker.js";

/** Screenshots kept as test artifacts. */
const SHOTS = ".tmp/screenshots/feedback";
const PHONE = { width: 390, height: 844 };

describe.skipIf(browserSkipReason)("citizens' feedback in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;
  let code = "";

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a citizen on a phone sends a feedback with a photo (proof of work in the page) and follows it by its code", async () => {
    // The site's own Content-Security-Policy applies here: the widget and its worker must run under it.
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text()))
        cspErrors.push(m.text());
    });
    await page.goto(`${server.url}/phan-anh`);
    expect(await page.locator("main").textContent()).toContain("Ngõ 90 phố Ngô Gia Tự");
    await page.getByRole("link", { name: "Gửi phản ánh" }).click();
    await page.waitForURL(`${server.url}/phan-anh/gui`);

    await pick(page, "Phường, xã nhận phản ánh", "Phường Việt Hưng");
    await page.getByLabel("Lĩnh vực").selectOption({ label: "Vệ sinh môi trường, rác thải" });
    await page.getByLabel(/^Địa điểm/).fill("Ngõ 12 phố Trường Lâm");
    await page
      .getByLabel(/^Nội dung phản ánh/)
      .fill("Rác thải tồn đọng ở đầu ngõ ba ngày nay chưa được thu gom.");
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3a7" } })
      .jpeg()
      .toBuffer();
    await page
      .locator("#f-photos")
      .setInputFiles({ name: "rac-thai.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByLabel(/^Số điện thoại hoặc thư điện tử/).fill("0912 345 678");
    await page.getByLabel(/^Tôi đã đọc thông báo trên và đồng ý/).check();
    // With JavaScript on, the widget replaces the sum.
    expect(await page.locator("#sum-check").isHidden()).toBe(true);
    // The widget starts its proof of work once the form has focus (auto="onfocus"): no puzzle to solve.
    await page.locator("altcha-widget").getByText("Đã xác minh").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/form-390.png`, fullPage: true });
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();

    await page.waitForURL(/\/phan-anh\/tra-cuu\?ma=PA-/);
    code = (await page.locator(".feedback-code").textContent()) ?? "";
    expect(code).toMatch(/^PA-[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    expect(await page.locator("main").textContent()).toContain("Mới");
    await page.screenshot({ path: `${SHOTS}/sent-390.png`, fullPage: true });
    expect(cspErrors).toEqual([]);

    // Later, from another browser: the code alone finds it.
    const later = await (await browser.newContext({ viewport: PHONE })).newPage();
    await later.goto(`${server.url}/phan-anh`);
    await later.getByLabel("Mã phản ánh").fill(code.toLowerCase());
    await later.getByRole("button", { name: "Tra cứu" }).click();
    expect(await later.locator("main").textContent()).toContain(`Phản ánh ${code}`);
    expect(await later.locator("main").textContent()).not.toContain("0912 345 678");
  }, 120_000);

  it("the ward's officer answers and publishes it on a phone; the citizen then reads the answer", async () => {
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    await signIn(page, server.url, "viethung");
    await page.goto(`${server.url}/quan-tri/phan-anh`);
    await page.getByRole("link", { name: code }).click();
    expect(await page.locator("main").textContent()).toContain("0912 345 678");
    expect(await page.getByRole("img", { name: `Ảnh 1 của phản ánh ${code}` }).count()).toBe(1);
    await page.getByLabel("Tình trạng").selectOption({ label: "Đã trả lời" });
    await page.getByLabel("Giao cho cơ quan, bộ phận").selectOption({
      label: "Phòng Kinh tế, Hạ tầng và Đô thị phường Việt Hưng",
    });
    await page
      .getByLabel(/^Nội dung trả lời/)
      .fill("Ngày 08/12/2026 tổ vệ sinh môi trường đã thu gom rác ở đầu ngõ 12.");
    await page.getByLabel(/^Công khai câu trả lời/).check();
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu.").waitFor();
    await page.screenshot({ path: `${SHOTS}/answered-admin-390.png`, fullPage: true });

    const citizen = await (await browser.newContext({ viewport: PHONE })).newPage();
    await citizen.goto(`${server.url}/phan-anh/tra-cuu?ma=${code}`);
    const text = (await citizen.locator("main").textContent()) ?? "";
    expect(text).toContain("Đã trả lời");
    expect(text).toContain("đã thu gom rác ở đầu ngõ 12");
    await citizen.screenshot({ path: `${SHOTS}/answer-390.png`, fullPage: true });
    await citizen.goto(`${server.url}/phan-anh`);
    expect(await citizen.locator("main").textContent()).toContain("đã thu gom rác ở đầu ngõ 12");
  }, 60_000);

  it.each([390, 1366])(
    "has no serious accessibility violation on its pages at %i px",
    async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const officer: Page = await context.newPage();
      await signIn(officer, server.url, "viethung");
      const visitor = await (
        await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })
      ).newPage();
      const pages: [Page, string][] = [
        [visitor, "/phan-anh"],
        [visitor, "/phan-anh/gui"],
        [visitor, `/phan-anh/tra-cuu?ma=${code || "PA-7K3M9Q"}`],
        [officer, "/quan-tri/phan-anh"],
        [officer, "/quan-tri/phan-anh/PA-4HXT6C"],
      ];
      for (const [page, url] of pages) {
        await page.goto(`${server.url}${url}`);
        expect({ url, violations: await seriousViolations(page) }).toEqual({ url, violations: [] });
      }
      await visitor.goto(`${server.url}/phan-anh/gui`);
      await visitor.screenshot({ path: `${SHOTS}/form-${width}.png`, fullPage: true });
    },
    90_000,
  );
});
