import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/core/db/database.js";
import { rebuildSearchIndex } from "../../src/portal/search/search-index.service.js";
import { browserSkipReason, type LiveServer, launchChromium, startLiveServer } from "../support/browser.js";

/**
 * WCAG 2.1 AA on the public portal, checked in Chromium: axe-core on every public page type (no
 * serious or critical violation), plus what axe cannot judge alone: the skip link works and shows,
 * the focus is visible, and the search and rating forms work with the keyboard only.
 */

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const SLUG = "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical violations of WCAG 2.0/2.1 A and AA rules on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}

describe.skipIf(browserSkipReason)("portal accessibility in Chromium (axe-core, keyboard)", () => {
  let server: LiveServer;
  let browser: Browser;
  let wardId: number;

  beforeAll(async () => {
    server = await startLiveServer({ VIEW_FLUSH_INTERVAL_MS: "3600000" });
    // The demo's articles must be searchable whether or not the demo loader indexes them itself.
    const database = await openDatabase({
      kind: "sqlite",
      file: path.join(server.dataDir, "giaoban.sqlite"),
    });
    try {
      await database.db.transaction().execute((trx) => rebuildSearchIndex(trx));
      const ward = await database.db
        .selectFrom("units")
        .select("id")
        .where("name", "=", "Thượng Thanh")
        .where("level", "=", "ward")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      wardId = ward.id;
    } finally {
      await database.close();
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = (): [name: string, address: string, status?: number][] => [
    ["home", "/"],
    ["category", "/chuyen-muc/tin-tuc-su-kien"],
    ["article", `/tin-tuc/${SLUG}`],
    ["search", "/tim-kiem?q=thuong+thanh"],
    ["search without results", "/tim-kiem?q=xyzabc"],
    [
      "search with every filter",
      `/tim-kiem?q=thuong+thanh&chuyen-muc=hoat-dong-cac-phuong&don-vi=${wardId}&tu-ngay=2019-12-01&den-ngay=2020-01-31`,
    ],
    ["search with a refused date", "/tim-kiem?q=thuong&tu-ngay=2020-13-45", 422],
    ["unit page", `/don-vi/${wardId}`],
    ["unit portal page", `/don-vi/${wardId}/gioi-thieu`],
    ["open data", `/du-lieu-mo/${wardId}?ky=2019`],
    ["evaluation of a year", `/don-vi/${wardId}/danh-gia?ky=2019`],
    ["evaluation of six months (progress, targets side by side)", `/don-vi/${wardId}/danh-gia?ky=2019-6T`],
    ["most read", "/doc-nhieu-nhat?ky=tat-ca"],
    ["most read, a period without views", "/doc-nhieu-nhat?ky=ngay"],
    ["category, page 1 of the newest", "/chuyen-muc/thong-bao"],
    ["print view", `/tin-tuc/${SLUG}/in`],
  ];

  it("has no serious or critical axe-core violation on any public page type", async () => {
    // The app's Content-Security-Policy forbids inline scripts: only this test's page may inject axe.
    const page = await browser.newPage({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    for (const [name, address, status = 200] of pages()) {
      const response = await page.goto(`${server.url}${address}`);
      expect(response?.status(), `${name} ${address}`).toBe(status);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name as string] = violations;
    }
    expect(found).toEqual({});
    await page.close();
    // Fifteen pages with axe-core each: well over the default 30 s on a busy two-core machine.
  }, 180_000);

  it("has one main landmark, a banner, a footer and named navigation on every page", async () => {
    const page = await browser.newPage();
    for (const [name, address] of pages().filter(([n]) => n !== "print view")) {
      await page.goto(`${server.url}${address}`);
      expect(await page.locator("main").count(), name).toBe(1);
      expect(await page.getByRole("banner").count(), name).toBe(1);
      expect(await page.getByRole("contentinfo").count(), name).toBe(1);
      expect(await page.getByRole("navigation", { name: "Điều hướng chính" }).count(), name).toBe(1);
      expect(await page.locator("html").getAttribute("lang"), name).toBe("vi");
    }
    await page.close();
  });

  it("offers a skip link as the first stop of the keyboard, visible when focused, that moves to the content", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tin-tuc/${SLUG}`);
    await page.keyboard.press("Tab");
    const skip = page.locator(":focus");
    expect(await skip.textContent()).toContain("Bỏ qua, đến nội dung chính");
    const box = await skip.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("noi-dung");
    await page.close();
  });

  it("shows where the keyboard focus is (a visible outline on links, fields and buttons)", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tim-kiem?q=thuong+thanh`);
    for (const selector of ["#tk-q", "button[type=submit]", ".search-hit-title a"]) {
      await page.locator(selector).first().focus();
      // Keyboard focus (not a click) is what :focus-visible reacts to.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(outline.style, selector).not.toBe("none");
      expect(outline.width, selector).toBeGreaterThanOrEqual(2);
    }
    await page.close();
  });

  it("searches with the keyboard only: label, typing without accents, Enter, highlighted results", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tim-kiem`);
    await page.getByLabel("Từ khóa").focus();
    await page.keyboard.type("do manh hai");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=do\+manh\+hai/);
    expect(await page.locator(".search-summary").textContent()).toContain("Tìm thấy");
    expect(await page.locator(".search-hit-snippet mark").first().textContent()).toBe("Đỗ Mạnh Hải");
    await page.close();
  });

  it("rates an article with the keyboard only and shows the result", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tin-tuc/${SLUG}`);
    await page.getByLabel("Hài lòng", { exact: true }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await page.waitForURL(/danh-gia=da-ghi/);
    // The rating section's own status (the share box above it has an empty one for "link copied").
    expect(await page.locator(".article-rating").getByRole("status").textContent()).toContain(
      "Cảm ơn bạn đã đánh giá.",
    );
    expect(await page.locator(".rating-results").textContent()).toContain("Hài lòng: 1 (100%)");
    await page.close();
  });

  it("loads every photo of the print view without scrolling, so the printed page has them all", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tin-tuc/${SLUG}/in`, { waitUntil: "load" });
    const photos = await page.evaluate(() =>
      Array.from(document.images).map((img) => ({
        src: img.src,
        loaded: img.complete && img.naturalWidth > 0,
      })),
    );
    expect(photos.length).toBeGreaterThanOrEqual(2);
    expect(photos.filter((p) => !p.loaded)).toEqual([]);
    await page.close();
  });

  it("gives every image a text alternative and every form field a label", async () => {
    const page = await browser.newPage();
    for (const address of ["/", `/tin-tuc/${SLUG}`, "/tim-kiem?q=thuong+thanh"]) {
      await page.goto(`${server.url}${address}`);
      const missingAlt = await page.locator("img:not([alt])").count();
      expect(missingAlt, address).toBe(0);
      const unlabelled = await page.evaluate(() =>
        Array.from(document.querySelectorAll("input:not([type=hidden]), select, textarea"))
          .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute("aria-label"))
          .map((el) => el.outerHTML),
      );
      expect(unlabelled, address).toEqual([]);
    }
    await page.close();
  });
});
