import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { unitDisplayName } from "../../units/unit-labels.js";
import { ARTICLE_STATUSES, type ArticleStatus, isArticleStatus } from "../articles/article-workflow.rules.js";

/** Queries of the editor's area: the scoped article list with its status counts, unit names. */

export interface EditorArticleRow {
  id: number;
  slug: string;
  title: string;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  views: number;
  unitId: number;
  /** With its level: "Phường Thượng Thanh". */
  unitName: string;
  authorId: number | null;
  authorName: string | null;
}

export interface EditorListScope {
  /** `"all"` for a system admin; an empty list returns nothing. */
  unitIds: number[] | "all";
  status?: ArticleStatus;
  limit: number;
  offset: number;
}

function scoped(db: Kysely<DB>, unitIds: number[] | "all") {
  let base = db.selectFrom("articles");
  if (unitIds !== "all") base = base.where("articles.unit_id", "in", unitIds);
  return base;
}

/**
 * Articles owned by the given units, most recently changed first, optionally of one status, with
 * the total for paging and how many there are of each status (for the filter tabs).
 */
export async function listArticlesOfUnits(
  db: Kysely<DB>,
  scope: EditorListScope,
): Promise<{ rows: EditorArticleRow[]; total: number; counts: Record<ArticleStatus, number> }> {
  const counts = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>;
  if (scope.unitIds !== "all" && scope.unitIds.length === 0) return { rows: [], total: 0, counts };
  let base = scoped(db, scope.unitIds);
  if (scope.status) base = base.where("articles.status", "=", scope.status);
  const [rows, count, byStatus] = await Promise.all([
    base
      .innerJoin("units", "units.id", "articles.unit_id")
      .leftJoin("users", "users.id", "articles.author_id")
      .select([
        "articles.id",
        "articles.slug",
        "articles.title",
        "articles.status",
        "articles.published_at",
        "articles.updated_at",
        "articles.views",
        "articles.unit_id",
        "units.name as unit_name",
        "units.level as unit_level",
        "articles.author_id",
        "users.display_name as author_name",
      ])
      .orderBy("articles.updated_at", "desc")
      .orderBy("articles.id", "desc")
      .limit(scope.limit)
      .offset(scope.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    scoped(db, scope.unitIds)
      .select(["articles.status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("articles.status")
      .execute(),
  ]);
  for (const row of byStatus) if (isArticleStatus(row.status)) counts[row.status] = Number(row.n);
  return {
    total: Number(count.n),
    counts,
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: isArticleStatus(r.status) ? r.status : "draft",
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      views: Number(r.views),
      unitId: r.unit_id,
      unitName: unitDisplayName({ name: r.unit_name, level: r.unit_level }),
      authorId: r.author_id,
      authorName: r.author_name,
    })),
  };
}

/** How many articles of the given units have this status (the `total` of listArticlesOfUnits). */
export async function countArticlesOfUnits(
  db: Kysely<DB>,
  unitIds: number[] | "all",
  status: ArticleStatus,
): Promise<number> {
  if (unitIds !== "all" && unitIds.length === 0) return 0;
  const row = await scoped(db, unitIds)
    .where("articles.status", "=", status)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Names and levels of the given units (for the owning-unit select and the linked units). */
export async function listUnitNames(
  db: Kysely<DB>,
  unitIds: number[],
): Promise<{ id: number; name: string; level: string }[]> {
  if (unitIds.length === 0) return [];
  return db.selectFrom("units").select(["id", "name", "level"]).where("id", "in", unitIds).execute();
}
