import { describe, expect, it } from "vitest";
import type { HomeSections } from "../articles/reader-visibility.rules.js";
import { withoutRepeats } from "./home-sections.rules.js";

const article = (id: number) => ({
  id,
  slug: `a-${id}`,
  title: `Bài ${id}`,
  lead: null,
  publishedAt: "2020-01-02T14:49:00Z",
  views: 0,
});
const card = (id: number) => ({ ...article(id), thumbnail: null });
const category = (id: number) => ({ id, slug: `c-${id}`, name: `Chuyên mục ${id}` });

describe("the home page's sections without repeats", () => {
  it("leaves out of the featured news and the categories what 'Tin mới nhất' shows", () => {
    const sections: HomeSections = {
      featured: [card(1), card(5)],
      categories: [
        { category: category(1), items: [article(1), article(2), article(6)] },
        { category: category(2), items: [article(1)] },
        { category: category(3), items: [article(5), article(7), article(6)] },
      ],
    };
    const result = withoutRepeats([card(1), card(2)], sections);
    expect(result.featured.map((a) => a.id)).toEqual([5]);
    // Category 2 had only the newest article: it goes; 6 is shown once, in the first category.
    expect(result.categories.map((c) => [c.category.id, c.items.map((a) => a.id)])).toEqual([
      [1, [6]],
      [3, [7]],
    ]);
    const ids = [
      1,
      2,
      ...result.featured.map((a) => a.id),
      ...result.categories.flatMap((c) => c.items.map((a) => a.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
