import { LRUCache } from "lru-cache";

/**
 * A short-lived cache of public pages as anonymous visitors see them ("microcaching"). A portal is
 * read far more than it is written: the same article page is rendered again and again with the same
 * rows. Here it is rendered once, with holes for the few things that differ per visit (the visitor's
 * CSRF token, the view count), and each visit only fills the holes.
 *
 * Freshness: every entry lives at most `ttlMs`, and `invalidate()` (called after any change a page
 * shows: an article saved, a rating given, view counts written) drops everything at once. With
 * several app processes on PostgreSQL, each drop is passed to the others (LISTEN/NOTIFY, see
 * `passInvalidationsTo`); should that channel break, another process's change shows within `ttlMs`.
 */
export interface PageTemplate<Facts> {
  template: Template;
  /** What the page was rendered from that the visit needs again (e.g. the article's id). */
  facts: Facts;
  /**
   * For the fast path (fast-path.ts), which answers before the framework: what this visit fills in
   * the holes besides the CSRF token, or null when the page must go through its route (e.g. it needs
   * the database for this visitor). Synchronous on purpose. Without it, a page has no other holes.
   */
  onVisit?: (visit: PageVisit) => Record<string, string> | null;
}

/** What the fast path knows of a visit without parsing the request into a framework's objects. */
export interface PageVisit {
  clientIp: string;
  userAgent: string | undefined;
}

export interface PageCacheOptions {
  maxEntries: number;
  ttlMs: number;
}

/** Marks a hole in a rendered page. Private-use code points: no text a person writes contains them. */
export function hole(name: string): string {
  return `\uE000${name}\uE001`;
}

/**
 * A rendered page cut at its holes, its text already UTF-8: a visit joins bytes instead of searching
 * and encoding the whole page again (a 7 KB page is most of a cached visit's work otherwise).
 */
export interface Template {
  /** The bytes between holes: one more than `names`. */
  parts: Buffer[];
  names: string[];
}

/** Cuts a page rendered with holes (`hole(name)`) at each of them. */
export function compileTemplate(html: string): Template {
  // With a capturing group, split alternates text and hole names: text, name, text, …, text.
  const pieces = html.split(/\uE000([a-z-]+)\uE001/);
  return {
    parts: pieces.filter((_, i) => i % 2 === 0).map((text) => Buffer.from(text, "utf8")),
    names: pieces.filter((_, i) => i % 2 === 1),
  };
}

/**
 * The page's pieces with every hole `name` replaced by its value (already escaped for HTML by the
 * caller), and their total length: the fast path writes them to the socket as they are (Node gathers
 * them into one write), so a visit copies no more than its few filled values.
 */
export function templatePieces(
  template: Template,
  values: Record<string, string>,
): { pieces: Buffer[]; byteLength: number } {
  const first = template.parts[0] as Buffer;
  const pieces: Buffer[] = [first];
  let byteLength = first.length;
  for (let i = 0; i < template.names.length; i++) {
    const name = template.names[i] as string;
    const value = Buffer.from(values[name] ?? hole(name), "utf8");
    const part = template.parts[i + 1] as Buffer;
    pieces.push(value, part);
    byteLength += value.length + part.length;
  }
  return { pieces, byteLength };
}

/** The page with every hole `name` replaced by its value (already escaped for HTML by the caller). */
export function fillTemplate(template: Template, values: Record<string, string>): Uint8Array<ArrayBuffer> {
  // Nothing to fill (most pages for anonymous readers): the kept bytes are sent as they are.
  if (template.names.length === 0) return template.parts[0] as Uint8Array<ArrayBuffer>;
  const { pieces, byteLength } = templatePieces(template, values);
  // Never shared memory: the casts only narrow Node's `ArrayBufferLike` typing.
  return Buffer.concat(pieces, byteLength) as Uint8Array<ArrayBuffer>;
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

  /** Told when this process drops its pages, to tell the other processes (app/server.ts). */
  #onInvalidate: (() => void) | null = null;

  /** Forgets every page: the next visit of each renders it again from the database. */
  invalidate(): void {
    this.#entries?.clear();
    this.#onInvalidate?.();
  }

  /** Forgets every page because another process changed something: not passed on again. */
  invalidateFromPeer(): void {
    this.#entries?.clear();
  }

  /** With several processes on one database, each drop is passed on so that all drop together. */
  passInvalidationsTo(notify: () => void): void {
    this.#onInvalidate = notify;
  }

  get size(): number {
    return this.#entries?.size ?? 0;
  }
}
