import { describe, expect, it } from "vitest";
import { browserSkipReason, liveBrowserSuite } from "../support/browser.js";
import { WIDTHS, walkMenu } from "../support/day-walk.js";

/**
 * The rest of each demo account's day: every entry of its admin menu, opened from the menu as the
 * person would (unfolding "Trình đơn" on a phone), at 1366 px and 390 px, each page checked with axe,
 * for sideways scrolling, the folded menu and tables as cards. A page is opened once per story and
 * width (the first account that has it in its menu), since the other accounts see the same page with
 * fewer rows. Screenshots: .tmp/screenshots/day-walk/menu-*.png.
 */
const STORIES = [
  ["2020", ["admin", "vanphong.longbien", "thuongthanh", "bientap", "yte.longbien"]],
  ["2026", ["viethung", "lanhdao.viethung", "ubnd.hanoi"]],
] as const;

describe.skipIf(browserSkipReason)("every admin menu entry of the demo accounts in Chromium", () => {
  const live = liveBrowserSuite();

  describe.each(WIDTHS)("at $width px", (viewport) => {
    it.each(STORIES)(
      "the %s story: every menu page of its accounts passes axe and fits the screen",
      async (_story, accounts) => {
        const seen = new Set<string>();
        const problems: string[] = [];
        for (const username of accounts) {
          problems.push(
            ...(await walkMenu(live.browser, live.server.url, username, viewport, seen)).problems,
          );
        }
        expect(seen.size).toBeGreaterThan(10);
        expect(problems).toEqual([]);
      },
      600_000,
    );
  });
});
