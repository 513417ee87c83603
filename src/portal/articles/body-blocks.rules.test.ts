import { describe, expect, it } from "vitest";
import { placeImages, splitTopLevelBlocks } from "./body-blocks.rules.js";
import { sanitizeArticleHtml } from "./sanitize.js";

describe("splitTopLevelBlocks", () => {
  it("splits top-level blocks and keeps nested markup inside its block", () => {
    const html =
      '<p>Một</p>\n<ul><li><p>a</p></li><li>b</li></ul><h2>Hai</h2><table><tbody><tr><td>x</td></tr></tbody></table><p>Ba <img src="/media/a.jpg" alt="" /></p>';
    expect(splitTopLevelBlocks(html)).toEqual([
      "<p>Một</p>",
      "<ul><li><p>a</p></li><li>b</li></ul>",
      "<h2>Hai</h2>",
      "<table><tbody><tr><td>x</td></tr></tbody></table>",
      '<p>Ba <img src="/media/a.jpg" alt="" /></p>',
    ]);
  });

  it("wraps loose inline content in paragraphs and drops whitespace-only runs", () => {
    expect(splitTopLevelBlocks("Mở đầu <strong>đậm</strong><br /><p>Đoạn</p>  \n <br />Kết")).toEqual([
      "<p>Mở đầu <strong>đậm</strong></p>",
      "<p>Đoạn</p>",
      "<p>Kết</p>",
    ]);
  });

  it("is exact on sanitised output with escaped angle brackets in text and attributes", async () => {
    const clean = await sanitizeArticleHtml(
      '<p title="x">a &lt;p&gt; b</p><p><img src="/media/k.png" alt="1 > 0"></p>',
    );
    expect(splitTopLevelBlocks(clean)).toEqual([
      "<p>a &lt;p&gt; b</p>",
      '<p><img src="/media/k.png" alt="1 &gt; 0" /></p>',
    ]);
  });

  it("returns nothing for an empty body", () => {
    expect(splitTopLevelBlocks("")).toEqual([]);
    expect(splitTopLevelBlocks("  \n ")).toEqual([]);
  });
});

describe("placeImages", () => {
  const blocks = ["<p>1</p>", "<p>2</p>", "<p>3</p>"];
  const image = (id: number, position: number | null, sortOrder = 0) => ({ id, position, sortOrder });

  it("puts each photo after `position` blocks, null after the body", () => {
    const parts = placeImages(blocks, [image(1, 1), image(2, null), image(3, 0), image(4, 99)]);
    expect(parts.map((p) => (p.kind === "html" ? p.html : `img${p.image.id}`))).toEqual([
      "img3",
      "<p>1</p>",
      "img1",
      "<p>2</p>",
      "<p>3</p>",
      "img2",
      "img4",
    ]);
  });

  it("keeps the sort order of photos at the same place", () => {
    const parts = placeImages(blocks, [image(7, 2, 5), image(8, 2, 1)]);
    expect(parts.map((p) => (p.kind === "html" ? p.html : `img${p.image.id}`))).toEqual([
      "<p>1</p>",
      "<p>2</p>",
      "img8",
      "img7",
      "<p>3</p>",
    ]);
  });
});
