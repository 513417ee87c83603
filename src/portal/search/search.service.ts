import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { vnWallTimeToInstant } from "../../core/format/vi-date.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { loadSearchResults, MAX_RESULTS, searchArticleIds } from "./search.repo.js";
import { isEmptyQuery, type ParsedQuery, parseSearchQuery } from "./search.rules.js";
import { captionsOfArticles } from "./search-index.service.js";
import { buildSnippet, highlightAll } from "./search-snippet.rules.js";
import { htmlToText } from "./search-text.rules.js";

/** The search use case: read the query, find a page of articles, cut highlighted extracts. */

export const SEARCH_PAGE_SIZE = 10;
export const MAX_SEARCH_PAGE_SIZE = 50;

export interface SearchInput {
  q: string;
  categoryId?: number | null;
  unitId?: number | null;
  /** `YYYY-MM-DD`, days in Vietnam, both included. */
  from?: string | null;
  to?: string | null;
  /** 1-based. */
  page: number;
  pageSize?: number;
}

export interface SearchItem {
  id: number;
  slug: string;
  title: string;
  /** HTML: the title escaped, matches in `<mark>`. */
  titleHtml: string;
  /** HTML: an extract escaped, matches in `<mark>`, "…" where it was cut. */
  snippet: string;
  publishedAt: string;
  unitName: string;
  categoryName: string | null;
  categorySlug: string | null;
}

export interface SearchOutcome {
  parsed: ParsedQuery;
  items: SearchItem[];
  /** Matches, at most `MAX_RESULTS`; `more` says there are more than that. */
  total: number;
  more: boolean;
  page: number;
  pageCount: number;
}

/** The day after a `YYYY-MM-DD` date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Published articles matching the query (see `search.rules.ts` for what matches and
 * `search.repo.ts` for the order). An empty query, or one without letters or digits, finds nothing
 * and never errors; dates are Vietnamese calendar days.
 */
export async function searchArticles(db: Kysely<DB>, input: SearchInput, now: Date): Promise<SearchOutcome> {
  const parsed = parseSearchQuery(input.q);
  const pageSize = Math.min(Math.max(1, input.pageSize ?? SEARCH_PAGE_SIZE), MAX_SEARCH_PAGE_SIZE);
  const page = Math.max(1, input.page);
  if (isEmptyQuery(parsed)) return { parsed, items: [], total: 0, more: false, page, pageCount: 1 };
  const found = await searchArticleIds(
    db,
    parsed,
    {
      nowIso: now.toISOString(),
      categoryId: input.categoryId ?? null,
      unitId: input.unitId ?? null,
      fromIso: input.from ? vnWallTimeToInstant(input.from, "00:00").toISOString() : null,
      toIso: input.to ? vnWallTimeToInstant(nextDay(input.to), "00:00").toISOString() : null,
    },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  const [rows, captions] = await Promise.all([
    loadSearchResults(db, found.ids),
    captionsOfArticles(db, found.ids),
  ]);
  // Highlight every folded word of the query, phrases as wholes.
  const phrases = [...parsed.terms, ...parsed.boosts].map((t) => t.folded);
  const items = rows.map((r) => {
    const text = [r.lead ?? "", htmlToText(r.bodyHtml), ...(captions.get(r.id) ?? [])].join(" ");
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      titleHtml: highlightAll(r.title, phrases),
      snippet: buildSnippet(text, phrases),
      publishedAt: r.publishedAt,
      unitName: unitDisplayName({ name: r.unitName, level: r.unitLevel }),
      categoryName: r.categoryName,
      categorySlug: r.categorySlug,
    };
  });
  const total = Math.min(found.total, MAX_RESULTS);
  return {
    parsed,
    items,
    total,
    more: found.more,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
