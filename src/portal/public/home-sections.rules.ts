/**
 * The home page shows each article once: "Tin mới nhất" keeps its full order, the featured news and
 * the categories' lists beside it leave out what it already shows (and the categories what the
 * featured news shows); a category left without articles is left out. The most-read box is a
 * ranking and keeps its own order. Pure.
 */
import type { HomeSections } from "../articles/reader-visibility.rules.js";

export function withoutRepeats(latest: readonly { id: number }[], sections: HomeSections): HomeSections {
  const shown = new Set(latest.map((a) => a.id));
  const featured = sections.featured.filter((a) => !shown.has(a.id));
  for (const a of featured) shown.add(a.id);
  const categories = sections.categories
    .map(({ category, items }) => {
      const fresh = items.filter((a) => !shown.has(a.id));
      for (const a of fresh) shown.add(a.id);
      return { category, items: fresh };
    })
    .filter((c) => c.items.length > 0);
  return { featured, categories };
}
