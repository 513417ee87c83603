import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../accounts/accounts.demo.js";
import { ROLES } from "../core/access/roles.js";
import {
  blocksToHtml,
  DEMO_ARTICLES,
  DEMO_CATEGORIES,
  REFERENCE_ARTICLE,
} from "../portal/articles/articles.demo.js";
import { DEMO_ORGANISATIONS, DEMO_PEOPLE } from "../units/people.demo.js";
import { DEMO_SUCCESSIONS, DEMO_UNITS } from "../units/units.demo.js";
import { lecternSvg, meetingRoomSvg, renderDemoPhotos } from "./demo-photos.js";
import { pixelText, textWidth } from "./pixel-font.js";

/** Consistency of the demo data files, checked without a database. */
describe("demo data", () => {
  const unitKeys = new Set(DEMO_UNITS.map((u) => u.key));
  const units = new Map(DEMO_UNITS.map((u) => [u.key, u]));

  it("has unique keys and only references keys that exist", () => {
    expect(unitKeys.size).toBe(DEMO_UNITS.length);
    expect(new Set(DEMO_ORGANISATIONS.map((o) => o.key)).size).toBe(DEMO_ORGANISATIONS.length);
    const orgKeys = new Set(DEMO_ORGANISATIONS.map((o) => o.key));
    for (const u of DEMO_UNITS) if (u.parentKey) expect(unitKeys).toContain(u.parentKey);
    for (const o of DEMO_ORGANISATIONS) expect(unitKeys).toContain(o.unitKey);
    for (const p of DEMO_PEOPLE)
      for (const pos of p.positions) expect(orgKeys).toContain(pos.organisationKey);
    for (const a of DEMO_ACCOUNTS) for (const g of a.grants) expect(unitKeys).toContain(g.unitKey);
    for (const a of DEMO_ACCOUNTS) for (const g of a.grants) expect(ROLES).toContain(g.role);
    const categories = new Set(DEMO_CATEGORIES.map((c) => c.slug));
    for (const article of DEMO_ARTICLES) {
      expect(unitKeys).toContain(article.unitKey);
      expect(categories).toContain(article.categorySlug);
    }
  });

  it("keeps every organisation inside its unit's lifetime", () => {
    for (const o of DEMO_ORGANISATIONS) {
      const unit = units.get(o.unitKey);
      expect(o.validFrom >= (unit?.validFrom ?? "")).toBe(true);
      expect(o.validTo).toBe(unit?.validTo);
    }
  });

  it("links each succession from a unit that ends the day before to one that exists on the day", () => {
    for (const link of DEMO_SUCCESSIONS) {
      const from = units.get(link.fromKey);
      const to = units.get(link.toKey);
      const dayBefore = new Date(Date.parse(`${link.effectiveDate}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(from?.validTo, `${link.fromKey} → ${link.toKey}`).toBe(dayBefore);
      expect((to?.validFrom ?? "9999") <= link.effectiveDate, link.toKey).toBe(true);
      expect(to?.validTo === null || (to?.validTo ?? "") >= link.effectiveDate).toBe(true);
    }
  });

  it("splits each old ward's population into shares that add up to 100%", () => {
    const sums = new Map<string, number>();
    for (const link of DEMO_SUCCESSIONS) {
      const share = link.kind === "whole" ? 1 : (link.populationShare ?? Number.NaN);
      sums.set(link.fromKey, (sums.get(link.fromKey) ?? 0) + share);
    }
    // Every old ward (and only them) has successors.
    expect([...sums.keys()].sort()).toEqual(
      DEMO_UNITS.filter((u) => u.key.startsWith("ward:"))
        .map((u) => u.key)
        .sort(),
    );
    for (const [key, sum] of sums) expect(sum, key).toBeCloseTo(1, 10);
    for (const link of DEMO_SUCCESSIONS) {
      expect(link.note).toMatch(/minh họa, cần đối chiếu Nghị quyết (1656|1286)\/NQ-UBTVQH15/i);
    }
  });

  it("gives the article's leaders is_leader and says where their titles come from", () => {
    expect(DEMO_PEOPLE.map((p) => p.fullName)).toEqual([
      "Đỗ Mạnh Hải",
      "Đường Hoài Nam",
      "Nguyễn Mạnh Hà",
      "Nguyễn Thế Thạch",
      "Phạm Thị Minh Hồng",
    ]);
    for (const p of DEMO_PEOPLE) {
      expect(p.biography.startsWith("Chức vụ theo bài viết ngày 02/01/2020")).toBe(true);
      expect(p.positions.every((pos) => pos.isLeader)).toBe(true);
    }
  });

  it("keeps the reference article's body as 18 blocks with the list and nine numbered conclusions", () => {
    const html = blocksToHtml(REFERENCE_ARTICLE.blocks);
    expect(REFERENCE_ARTICLE.blocks).toHaveLength(18);
    expect(html.split("\n")).toHaveLength(18);
    expect(REFERENCE_ARTICLE.blocks[3]).toMatchObject({ kind: "ul" });
    const numbered = REFERENCE_ARTICLE.blocks.flatMap((b) =>
      b.kind === "p" && /^\d\. /.test(b.text) ? [b.text.slice(0, 2)] : [],
    );
    expect(numbered).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."]);
    expect(html).not.toContain("\u00a0");
    expect(blocksToHtml([{ kind: "p", text: "a < b & c" }])).toBe("<p>a &lt; b &amp; c</p>");
  });

  it("dates every other demo article before the reference article", () => {
    for (const article of DEMO_ARTICLES.slice(1))
      expect(article.publishedAt < REFERENCE_ARTICLE.publishedAt).toBe(true);
  });
});

describe("demo photos", () => {
  it("draws both scenes as SVG with the banner in pixel letters, without any font", () => {
    for (const svg of [meetingRoomSvg(), lecternSvg()]) {
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toContain("<text");
    }
  });

  it("renders two 960×600 JPEGs and their 480 px list copies", async () => {
    const photos = await renderDemoPhotos();
    expect(photos.map((p) => [p.storageKey, p.thumbnailKey, p.mimeType])).toEqual([
      ["demo-1.jpg", "demo-1-t.jpg", "image/jpeg"],
      ["demo-2.jpg", "demo-2-t.jpg", "image/jpeg"],
    ]);
    for (const p of photos) {
      const meta = await sharp(p.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 960, 600]);
      expect((await sharp(p.thumbnail).metadata()).width).toBe(480);
    }
  });
});

describe("pixel font", () => {
  it("measures 6 units per character less the last gap", () => {
    expect(textWidth("AB", 1)).toBe(11);
    expect(textWidth("HÌNH", 2)).toBe(46);
  });

  it("draws accents: Ư has more pixels than U, Ờ more than Ơ, Đ differs from D", () => {
    const count = (text: string) => (pixelText(text, 0, 0, 1, "#000").match(/M/g) ?? []).length;
    expect(count("Ư")).toBe(count("U") + 2);
    expect(count("Ờ")).toBe(count("Ơ") + 2);
    expect(count("Ậ")).toBe(count("A") + 3 + 1);
    expect(pixelText("Đ", 0, 0, 1, "#000")).not.toBe(pixelText("D", 0, 0, 1, "#000"));
    expect(count("ư")).toBe(count("Ư"));
  });
});
