import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import type { UnitName } from "../../units/unit-names.repo.js";
import { postgresTierQueries, withBitmapPlans } from "./postgres-tiers.repo.js";
import type { ParsedQuery } from "./search.rules.js";
import {
  type RankFlag,
  type SearchFilters,
  sqliteTierQueries,
  type Tier,
  type TierQueries,
} from "./search-engines.js";
import { engineOf } from "./search-index.service.js";

/**
 * The search's ranking, written once for both engines, so they return the same ids in the same order.
 *
 * Matching uses the folded tokens. Ranking is a fixed order both engines compute alike (no BM25 or
 * ts_rank, which differ): articles holding every long run as a phrase first, then those matching
 * with the reader's own accents ("má" above "ma", "mà"), then those matching in the title, then the
 * newest (publish second, then id). Each combination of those properties is a tier; tiers are read
 * best first, each newest first, and reading stops once the page is full — so a word found in
 * 100.000 articles costs a page of rows, not 100.000. Only the first `MAX_RESULTS` matches can be
 * paged to (the count says "more than" beyond it): nobody reads past page 100.
 */

export type { SearchFilters } from "./search-engines.js";

export const MAX_RESULTS = 1000;

export interface SearchPage {
  ids: number[];
  /** Matches, counted up to `MAX_RESULTS + 1`. */
  total: number;
  /** True when there are more than `MAX_RESULTS` matches (`total` is then MAX_RESULTS + 1). */
  more: boolean;
}

/** Tiers best first: every combination of the flags, each flag required before excluded. */
function tiersInOrder(flags: RankFlag[]): Tier[] {
  let tiers: Tier[] = [{}];
  for (const flag of flags)
    tiers = tiers.flatMap((t) => [
      { ...t, [flag]: true },
      { ...t, [flag]: false },
    ]);
  return tiers;
}

/**
 * One page of matching article ids, best first, and how many match. A query without terms finds
 * nothing.
 *
 * On PostgreSQL, outside a caller's transaction, the total is counted on a second pool connection
 * while the page is read on the first: for a very common word the capped count on the GIN bitmaps is
 * the search's largest cost and the page needs none of it (the count only lets a search that finds
 * little stop early). Neither transaction waits for the other's connection, so a full pool delays a
 * search but cannot lock it.
 */
export async function searchArticleIds(
  db: Kysely<DB>,
  parsed: ParsedQuery,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<SearchPage> {
  if (parsed.terms.length === 0) return { ids: [], total: 0, more: false };
  if (engineOf(db) !== "postgres") {
    const engine = sqliteTierQueries(db, parsed, filters);
    return rankedPage(engine, parsed, page, totalOf(await engine.count({}, MAX_RESULTS + 1)));
  }
  const tiers = (trx: Kysely<DB>) => postgresTierQueries(trx, parsed, filters);
  if (db.isTransaction)
    return withBitmapPlans(db, async (trx) => {
      const engine = tiers(trx);
      return rankedPage(engine, parsed, page, totalOf(await engine.count({}, MAX_RESULTS + 1)));
    });
  const total = totalOf(withBitmapPlans(db, (trx) => tiers(trx).count({}, MAX_RESULTS + 1)));
  try {
    return await withBitmapPlans(db, (trx) => rankedPage(tiers(trx), parsed, page, total));
  } finally {
    await total.settled;
  }
}

/** The total of a search, counted ahead or alongside: `known` once it has arrived. */
interface Total {
  known: number | undefined;
  /** The count; rejects when counting failed. */
  value: Promise<number>;
  /** Resolves once the count has arrived or failed, never rejects. */
  settled: Promise<void>;
}

function totalOf(count: number | Promise<number>): Total {
  const total: Total = {
    known: typeof count === "number" ? count : undefined,
    value: Promise.resolve(count),
    settled: Promise.resolve(),
  };
  total.settled = total.value.then(
    (n) => {
      total.known = n;
    },
    () => {},
  );
  return total;
}

/**
 * The ranking itself, on either engine's tier questions. The page does not depend on the total: a
 * page past the matches comes back short or empty whatever the count says; a total already known
 * only saves the questions of a page that cannot have rows.
 */
async function rankedPage(
  engine: TierQueries,
  parsed: ParsedQuery,
  page: { limit: number; offset: number },
  total: Total,
): Promise<SearchPage> {
  const ids: number[] = [];
  const outcome = async (): Promise<SearchPage> => {
    const counted = await total.value;
    return { ids, total: counted, more: counted > MAX_RESULTS };
  };
  /** Rows the page can still hold, from what is known of the total. */
  const room = () => Math.min(page.limit, Math.min(total.known ?? MAX_RESULTS, MAX_RESULTS) - page.offset);
  let need = room();
  if (need <= 0) return outcome();

  // A property no match has splits nothing: leave it out instead of asking for empty tiers.
  const candidates: RankFlag[] = parsed.boosts.length > 0 ? ["boost", "exact", "title"] : ["exact", "title"];
  const flags: RankFlag[] = [];
  for (const flag of candidates) if ((await engine.count({ [flag]: true }, 1)) > 0) flags.push(flag);
  need = room();
  if (need <= 0) return outcome();

  let skip = page.offset;
  for (const tier of tiersInOrder(flags)) {
    if (skip > 0) {
      const size = await engine.count(tier, skip + need);
      if (size <= skip) {
        skip -= size;
        continue;
      }
    }
    const found = await engine.fetch(tier, need, skip);
    ids.push(...found);
    need -= found.length;
    skip = 0;
    if (need <= 0) break;
  }
  return outcome();
}

export interface SearchResultRow {
  id: number;
  slug: string;
  title: string;
  lead: string | null;
  bodyHtml: string;
  publishedAt: string;
  unitName: string;
  unitLevel: string;
  categoryName: string | null;
  categorySlug: string | null;
}

/** The articles behind a page of ids, in the order of the ids. */
export async function loadSearchResults(db: Kysely<DB>, ids: number[]): Promise<SearchResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("articles")
    .innerJoin("units", "units.id", "articles.unit_id")
    .leftJoin("categories", "categories.id", "articles.category_id")
    .select([
      "articles.id",
      "articles.slug",
      "articles.title",
      "articles.lead",
      "articles.body_html",
      "articles.published_at",
      "units.name as unit_name",
      "units.level as unit_level",
      "categories.name as category_name",
      "categories.slug as category_slug",
    ])
    .where("articles.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id: r.id,
            slug: r.slug,
            title: r.title,
            lead: r.lead,
            bodyHtml: r.body_html,
            publishedAt: r.published_at ?? "",
            unitName: r.unit_name,
            unitLevel: r.unit_level,
            categoryName: r.category_name,
            categorySlug: r.category_slug,
          },
        ]
      : [];
  });
}

export interface SearchFacets {
  categories: { id: number; slug: string; name: string }[];
  /** Units owning at least one indexed article, for the unit filter. */
  units: UnitName[];
}

/** What the search form offers to filter by. */
export async function listSearchFacets(db: Kysely<DB>): Promise<SearchFacets> {
  const [categories, units] = await Promise.all([
    db
      .selectFrom("categories")
      .select(["id", "slug", "name"])
      .orderBy("sort_order")
      .orderBy("name")
      .execute(),
    db
      .selectFrom("units")
      .select(["id", "name", "level", "valid_from", "valid_to"])
      .where("id", "in", (eb) => eb.selectFrom("search_documents").select("unit_id").distinct())
      .orderBy("name")
      .execute(),
  ]);
  return { categories, units };
}

/** A category's id from its slug, or undefined. */
export async function findCategoryIdBySlug(db: Kysely<DB>, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom("categories").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}
