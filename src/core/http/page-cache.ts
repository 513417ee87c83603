import { LRUCache } from "lru-cache";

/**
 * A short-lived cache of public pages as anonymous visitors see them ("microcaching"). A portal is
 * read far more than it is written: the same article page is rendered again and again with the same
 * rows. Here it is rendered once, with holes for the few things that differ per visit (the visitor's
 * CSRF token, the view count), and each visit only fills the holes.
 *
 * Freshness: every entry lives at most `ttlMs`, and `invalidate()` (called after any change a page
 * shows: an article saved, a rating given, view counts written) drops everything at once. With
 * several app processes, another process's change shows here within `ttlMs`.
 */
export interface PageTemplate<Facts> {
  html: string;
  /** What the page was rendered from that the visit needs again (e.g. the article's id). */
  facts: Facts;
}

export interface PageCacheOptions {
  maxEntries: number;
  ttlMs: number;
}

/** Marks a hole in a rendered page. Private-use code points: no text a person writes contains them. */
export function hole(name: string): string {
  return `\uE000${name}\uE001`;
}

/** Replaces every hole `name` in `html` by its value (already escaped for HTML by the caller). */
export function fillHoles(html: string, values: Record<string, string>): string {
  return html.replace(/\uE000([a-z-]+)\uE001/g, (whole, name: string) => values[name] ?? whole);
}

export class PageCache {
  /** Null when switched off (a time to live of 0): every visit renders the page. */
  readonly #entries: LRUCache<string, PageTemplate<unknown>> | null;

  constructor(options: PageCacheOptions) {
    this.#entries = options.ttlMs > 0 ? new LRUCache({ max: options.maxEntries, ttl: options.ttlMs }) : null;
  }

  get<Facts>(key: string): PageTemplate<Facts> | undefined {
    return this.#entries?.get(key) as PageTemplate<Facts> | undefined;
  }

  set<Facts>(key: string, template: PageTemplate<Facts>): void {
    this.#entries?.set(key, template);
  }

  /** Forgets every page: the next visit of each renders it again from the database. */
  invalidate(): void {
    this.#entries?.clear();
  }

  get size(): number {
    return this.#entries?.size ?? 0;
  }
}
