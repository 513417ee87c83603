import { describe } from "vitest";
import { browserSkipReason, liveBrowserSuite } from "../support/browser.js";
import { itWalksEachDay, WIDTHS } from "../support/day-walk.js";

/**
 * The day of each account of the demo's first story (2019–2020, quận Long Biên; README "Demo
 * accounts"), from the dashboard at 1366 px and 390 px: every card opens a list of exactly its count
 * of rows, and axe finds nothing on any admin page opened. Screenshots: .tmp/screenshots/day-walk/.
 */
const ACCOUNTS = ["admin", "vanphong.longbien", "thuongthanh", "bientap", "yte.longbien"];

describe.skipIf(browserSkipReason)("a day of each 2020 demo account in Chromium", () => {
  const live = liveBrowserSuite();

  describe.each(WIDTHS)("at $width px", (viewport) => {
    itWalksEachDay(live, ACCOUNTS, viewport);
  });
});
