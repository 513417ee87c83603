import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expect, it } from "vitest";
import { seriousViolations } from "./axe.js";
import { type LiveServer, signIn } from "./browser.js";

/**
 * A demo account's day in the browser, from its dashboard (`/quan-tri`): every card is clicked and the
 * list it opens must have exactly the card's count of rows; every admin page opened is checked with
 * axe and kept as a screenshot; on a phone the menu must be folded and tables must be cards, and no
 * page may scroll sideways. Problems are collected, not thrown, so one run names them all.
 */

/** Screenshots kept as test artifacts (gitignored). */
export const DAY_WALK_SHOTS = ".tmp/screenshots/day-walk";

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
export const WIDTHS = [LAPTOP, PHONE] as const;

export interface WalkedCard {
  key: string;
  label: string;
  count: number;
  href: string;
  /** Rows of the list the card opened, over all its pages. */
  rows: number;
}

export interface DayWalk {
  cards: WalkedCard[];
  /** "page: what is wrong", empty when the walk found nothing. */
  problems: string[];
  /** Every admin page the walk opened (its path and query). */
  opened: string[];
}

/** Opens a context at the viewport (axe needs `bypassCSP` to inject its script) and signs in. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, baseUrl, username);
  return page;
}

const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/**
 * What is wrong with the page as it is shown now: axe's serious and critical violations; at phone
 * width also sideways scrolling, a menu that is not folded, a table that stays a table. Saves a
 * full-page screenshot as `<shot>.png`.
 */
export async function checkPage(page: Page, shot: string): Promise<string[]> {
  mkdirSync(DAY_WALK_SHOTS, { recursive: true });
  const where = `${pathOf(page)} at ${page.viewportSize()?.width} px`;
  const problems = (await seriousViolations(page)).map((v) => `${where}: ${v}`);
  if ((page.viewportSize()?.width ?? 0) <= 600) {
    const phone = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      // A public page in the menu (the ranking) has no admin menu to fold.
      wideMenu: document.querySelector("nav.admin-nav")
        ? getComputedStyle(document.querySelector("nav.admin-nav") as Element).display
        : "none",
      folded: !(document.querySelector("details.phone-menu") as HTMLDetailsElement | null)?.open,
      tables: Array.from(document.querySelectorAll("main table[data-cards] > tbody > tr")).filter(
        (tr) => getComputedStyle(tr).display !== "block",
      ).length,
    }));
    if (phone.overflow > 0) problems.push(`${where}: scrolls sideways by ${phone.overflow} px`);
    if (phone.wideMenu !== "none" || !phone.folded) problems.push(`${where}: the menu is not folded`);
    if (phone.tables > 0) problems.push(`${where}: ${phone.tables} table rows are not cards`);
  }
  await page.screenshot({ path: `${DAY_WALK_SHOTS}/${shot}.png`, fullPage: true });
  return problems;
}

/**
 * Rows of the list on the page (table body rows, or notification cards), following its "Trang sau"
 * pages; each page is checked as it is opened.
 */
async function walkList(page: Page, shot: string, problems: string[], opened: string[]): Promise<number> {
  let rows = 0;
  for (let n = 1; n < 100; n++) {
    opened.push(pathOf(page));
    problems.push(...(await checkPage(page, n === 1 ? shot : `${shot}-trang-${n}`)));
    rows += await page.locator("main table > tbody > tr").count();
    rows += await page.locator("main li.card").count();
    const next = page.getByRole("link", { name: /^Trang sau/ });
    if ((await next.count()) === 0) return rows;
    await next.first().click();
    await page.waitForURL(new RegExp(`trang=${n + 1}\\b`));
  }
  throw new Error(`too many pages at ${pathOf(page)}`);
}

/** The dashboard's cards as the page shows them. */
export async function dashboardCards(page: Page): Promise<Omit<WalkedCard, "rows">[]> {
  return page.locator("main .dashboard-cards > li").evaluateAll((items) =>
    items.map((li) => ({
      key: (li as HTMLElement).dataset.key ?? "",
      label: li.querySelector(".dashboard-label")?.textContent ?? "",
      count: Number((li.querySelector(".dashboard-count")?.textContent ?? "").replaceAll(".", "")),
      href: li.querySelector("a")?.getAttribute("href") ?? "",
    })),
  );
}

/** Walks `username`'s day at one viewport: the dashboard, then each card's list in turn. */
export async function walkDay(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport: { width: number; height: number },
): Promise<DayWalk> {
  const page = await signedInPage(browser, baseUrl, username, viewport);
  const prefix = `${username}-${viewport.width}`;
  const problems: string[] = [];
  const opened = [pathOf(page)];
  try {
    problems.push(...(await checkPage(page, `${prefix}-tong-quan`)));
    if (viewport.width <= 600) {
      // The content comes first: the page's heading is on the first screen, above the fold.
      const heading = await page.locator("main h1").boundingBox();
      if (!heading || heading.y + heading.height > viewport.height) {
        problems.push(`/quan-tri at ${viewport.width} px: the heading is below the first screen`);
      }
    }
    const cards: WalkedCard[] = [];
    for (const card of await dashboardCards(page)) {
      await page.goto(`${baseUrl}/quan-tri`);
      await page.locator(`main .dashboard-cards > li[data-key="${card.key}"] a`).click();
      await page.waitForURL(new URL(card.href, baseUrl).href);
      const rows = await walkList(page, `${prefix}-${card.key}`, problems, opened);
      cards.push({ ...card, rows });
    }
    return { cards, problems, opened };
  } finally {
    await page.context().close();
  }
}

/** Checks the page as it is at each width in turn (see checkPage), then restores its viewport. */
export async function checkAtBothWidths(page: Page, shot: string): Promise<string[]> {
  const own = page.viewportSize();
  const problems: string[] = [];
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    problems.push(...(await checkPage(page, `${shot}-${viewport.width}`)));
  }
  if (own) await page.setViewportSize(own);
  return problems;
}

/**
 * One test per account: its day at the viewport, every card's list as long as its count, nothing
 * wrong on any page opened. `live` is read when the tests run (liveBrowserSuite).
 */
export function itWalksEachDay(
  live: { server: LiveServer; browser: Browser },
  accounts: readonly string[],
  viewport: { width: number; height: number },
) {
  it.each(accounts)(
    "%s: every dashboard card opens a list of its count, every page passes axe",
    async (username) => {
      const walk = await walkDay(live.browser, live.server.url, username, viewport);
      expect(walk.cards.length).toBeGreaterThan(0);
      expect(walk.cards.map((c) => [c.key, c.rows])).toEqual(walk.cards.map((c) => [c.key, c.count]));
      expect(walk.problems).toEqual([]);
    },
    300_000,
  );
}

/**
 * Opens each entry of the person's admin menu, as the person would (on a phone: unfolding "Trình
 * đơn" first), except the paths in `seen`, which it adds to; checks every page it opens.
 */
export async function walkMenu(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport: { width: number; height: number },
  seen: Set<string>,
): Promise<{ opened: string[]; problems: string[] }> {
  const page = await signedInPage(browser, baseUrl, username, viewport);
  const phone = viewport.width <= 600;
  const nav = phone ? "nav.phone-nav" : "nav.admin-nav";
  const opened: string[] = [];
  const problems: string[] = [];
  try {
    const hrefs = await page
      .locator(`${nav} a`)
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      if (seen.has(href)) continue;
      seen.add(href);
      await page.goto(`${baseUrl}/quan-tri`);
      if (phone) await page.getByText("Trình đơn", { exact: false }).first().click();
      await page.locator(`${nav} a[href="${href}"]`).click();
      await page.waitForURL(new URL(href, baseUrl).href);
      opened.push(href);
      const shot = `menu-${username}-${viewport.width}${href.replace(/[^a-z0-9]+/gi, "-")}`;
      problems.push(...(await checkPage(page, shot)));
    }
    return { opened, problems };
  } finally {
    await page.context().close();
  }
}
