import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/core/db/database.js";
import { rebuildSearchIndex } from "../../src/portal/search/search-index.service.js";
import { PRESENT_CALENDAR } from "../../src/sessions/calendar/calendar.demo.js";
import { seriousViolations } from "../support/axe.js";
import {
  browserSkipReason,
  type LiveServer,
  launchChromium,
  signIn,
  startLiveServer,
} from "../support/browser.js";

/**
 * The public face of the demo's ward on a phone (390 px) and a laptop (1366 px): the header's ward
 * name and emblem, the home page's search on the first screen with no article shown twice, the
 * search page's folded filters, the leaders' calendar and its iCalendar feed, the ranking opening on
 * the city's wards with links, and the admin pages of the calendar and the site identity. axe-core
 * runs on every page touched; screenshots go to .tmp/screenshots/site-calendar/.
 */

const SHOTS = ".tmp/screenshots/site-calendar";
const VIEWPORTS = [
  { name: "390", width: 390, height: 844 },
  { name: "1366", width: 1366, height: 768 },
] as const;

describe.skipIf(browserSkipReason)(
  "site identity, leaders' calendar and the phone layout in Chromium",
  () => {
    let server: LiveServer;
    let browser: Browser;
    let vietHung: number;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startLiveServer({ VIEW_FLUSH_INTERVAL_MS: "3600000" });
      const database = await openDatabase({
        kind: "sqlite",
        file: path.join(server.dataDir, "giaoban.sqlite"),
      });
      try {
        await database.db.transaction().execute((trx) => rebuildSearchIndex(trx));
        const ward = await database.db
          .selectFrom("units")
          .select("id")
          .where("name", "=", "Việt Hưng")
          .where("valid_to", "is", null)
          .executeTakeFirstOrThrow();
        vietHung = ward.id;
      } finally {
        await database.close();
      }
      browser = await launchChromium();
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function open(viewport: (typeof VIEWPORTS)[number], url: string): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}${url}`);
      return page;
    }

    /** Nothing wider than the screen: the page never scrolls sideways. */
    async function fitsWidth(page: Page): Promise<boolean> {
      return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    }

    for (const viewport of VIEWPORTS) {
      describe(`at ${viewport.name} px`, () => {
        it("shows the ward's name and emblem, search on the first screen, and no article twice", async () => {
          const page = await open(viewport, "/");
          const brand = page.locator("header .brand");
          await expect(brand.textContent()).resolves.toContain("phường Việt Hưng");
          const emblemWidth = await page
            .locator("header img.brand-emblem")
            .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
          expect(emblemWidth).toBeGreaterThan(0);
          const search = await page.getByRole("searchbox", { name: /Từ khóa/ }).boundingBox();
          expect(search).not.toBeNull();
          expect((search?.y ?? 1e9) + (search?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
          // Each article card or link outside the most-read ranking, by the article it opens.
          const hrefs = await page
            .locator("main .article-card .article-card-text a, main .category-section .article-links a")
            .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
          expect(hrefs.length).toBeGreaterThan(0);
          expect(new Set(hrefs).size).toBe(hrefs.length);
          await expect(page.locator("footer").textContent()).resolves.toContain("Chịu trách nhiệm nội dung");
          expect(await fitsWidth(page)).toBe(true);
          await page.screenshot({ path: `${SHOTS}/home-${viewport.name}.png` });
          expect(await seriousViolations(page)).toEqual([]);
          await page.context().close();
        });

        it("folds the search filters so that the results come first", async () => {
          const page = await open(viewport, "/tim-kiem?q=thuong+thanh");
          const details = page.locator("details.search-filters");
          expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
          const first = await page.locator("main .search-hit").first().boundingBox();
          expect(first).not.toBeNull();
          expect(first?.y ?? 1e9).toBeLessThan(viewport.height);
          await page.getByText("Lọc theo chuyên mục, đơn vị, ngày đăng").click();
          await expect(page.getByLabel("Chuyên mục").isVisible()).resolves.toBe(true);
          expect(await fitsWidth(page)).toBe(true);
          await page.screenshot({ path: `${SHOTS}/search-${viewport.name}.png` });
          expect(await seriousViolations(page)).toEqual([]);
          await page.context().close();
        });

        it("shows the week's public events of the ward's leaders, and an iCalendar feed that parses", async () => {
          const page = await open(viewport, "/lich-cong-tac");
          await expect(page.locator("h1").textContent()).resolves.toBe(
            "Lịch công tác của lãnh đạo Phường Việt Hưng",
          );
          const titles = await page.locator(".calendar-event .event-title").allTextContents();
          for (const entry of PRESENT_CALENDAR) expect(titles.includes(entry.title)).toBe(entry.isPublic);
          expect(await page.locator(".calendar-day h3").allTextContents()).toHaveLength(7);
          expect(await fitsWidth(page)).toBe(true);
          await page.screenshot({ path: `${SHOTS}/calendar-${viewport.name}.png`, fullPage: true });
          expect(await seriousViolations(page)).toEqual([]);

          const href = await page.getByRole("link", { name: /iCalendar/ }).getAttribute("href");
          expect(href).toBe(`/lich-cong-tac.ics?don-vi=${vietHung}`);
          const feed = await page.request.get(`${server.url}${href}`);
          expect(feed.headers()["content-type"]).toContain("text/calendar");
          const text = await feed.text();
          const events = text.split("BEGIN:VEVENT").slice(1);
          const unfolded = text.replace(/\r\n[ \t]/g, "").replace(/\\([,;\\])/g, "$1");
          expect(events.length).toBeGreaterThanOrEqual(PRESENT_CALENDAR.filter((e) => e.isPublic).length);
          for (const entry of PRESENT_CALENDAR)
            expect(unfolded.includes(`SUMMARY:${entry.title}`)).toBe(entry.isPublic);

          await page.getByRole("link", { name: "← Tuần trước" }).click();
          await page.waitForURL(/tuan=/);
          await expect(page.locator("#tuan-hien-thi").textContent()).resolves.toMatch(/^Tuần từ /);
          await page.context().close();
        });

        it("opens the ranking on the city's wards, each ward linking to its page", async () => {
          const page = await open(viewport, "/xep-hang");
          const links = page.locator("#bang-xep-hang tbody th a");
          expect(await links.count()).toBeGreaterThanOrEqual(4);
          expect(await links.first().getAttribute("href")).toMatch(/^\/don-vi\/\d+$/);
          expect(await fitsWidth(page)).toBe(true);
          await page.screenshot({ path: `${SHOTS}/ranking-${viewport.name}.png`, fullPage: true });
          expect(await seriousViolations(page)).toEqual([]);
          await links.filter({ hasText: "Việt Hưng" }).click();
          await page.waitForURL(new RegExp(`/don-vi/${vietHung}$`));
          await page.context().close();
        });

        it("fits the open data table of the ward into the screen", async () => {
          const page = await open(viewport, `/du-lieu-mo/${vietHung}`);
          await expect(page.locator("main table caption").first().textContent()).resolves.toContain(
            "Số liệu",
          );
          expect(await fitsWidth(page)).toBe(true);
          await page.screenshot({ path: `${SHOTS}/open-data-${viewport.name}.png`, fullPage: true });
          expect(await seriousViolations(page)).toEqual([]);
          await page.context().close();
        });

        it("lets the ward's office add a public entry to its calendar", async () => {
          const page = await open(viewport, "/");
          await signIn(page, server.url, "viethung");
          await page.goto(`${server.url}/quan-tri/lich-cong-tac/moi`);
          expect(await seriousViolations(page)).toEqual([]);
          const title = `Kiểm tra phòng cháy chữa cháy tại chợ (${viewport.name})`;
          await page.getByLabel("Nội dung công tác").fill(title);
          await page.getByLabel("Giờ bắt đầu").fill("09:00");
          await page.getByLabel("Giờ kết thúc").fill("08:00");
          await page.getByLabel("Địa điểm", { exact: false }).first().fill("Chợ Việt Hưng");
          await page.getByLabel("Chủ trì").fill("UBND phường");
          await page.getByRole("button", { name: "Lưu" }).click();
          await expect(page.locator(".field-error").allTextContents()).resolves.toContain(
            "Giờ kết thúc phải sau giờ bắt đầu.",
          );
          expect(await seriousViolations(page)).toEqual([]);
          await page.getByLabel("Giờ kết thúc").fill("10:30");
          await page.getByRole("button", { name: "Lưu" }).click();
          await page.waitForURL(/\/quan-tri\/lich-cong-tac\?/);
          await page.screenshot({ path: `${SHOTS}/calendar-admin-${viewport.name}.png`, fullPage: true });
          expect(await seriousViolations(page)).toEqual([]);
          await page.goto(`${server.url}/lich-cong-tac`);
          await expect(page.locator(".calendar-event .event-title").allTextContents()).resolves.toContain(
            title,
          );
          await page.context().close();
        });
      });
    }

    it("lets an administrator change the site's identity, shown at once in the header", async () => {
      const page = await open(VIEWPORTS[1], "/");
      await signIn(page, server.url, "admin");
      await page.goto(`${server.url}/quan-tri/cong-thong-tin`);
      await page.screenshot({ path: `${SHOTS}/site-settings-1366.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel("Thư điện tử").fill("khong-hop-le");
      await page.getByRole("button", { name: "Lưu" }).click();
      await expect(page.locator(".field-error").allTextContents()).resolves.toContain(
        "Địa chỉ thư điện tử chưa đúng (ví dụ: vanphong@viethung.hanoi.gov.vn).",
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel("Thư điện tử").fill("vanphong@viethung.example.vn");
      await page.getByLabel("Tên phường, xã").fill("phường Việt Hưng, Thành phố Hà Nội");
      await page.getByRole("button", { name: "Lưu" }).click();
      await page.waitForURL(/ok=1/);
      await page.goto(`${server.url}/`);
      await expect(page.locator("header .brand").textContent()).resolves.toContain(
        "phường Việt Hưng, Thành phố Hà Nội",
      );
      await page.context().close();
      const phone = await open(VIEWPORTS[0], "/quan-tri/cong-thong-tin");
      await signIn(phone, server.url, "admin");
      await phone.goto(`${server.url}/quan-tri/cong-thong-tin`);
      await phone.screenshot({ path: `${SHOTS}/site-settings-390.png`, fullPage: true });
      expect(await seriousViolations(phone)).toEqual([]);
      await phone.context().close();
    });
  },
);
