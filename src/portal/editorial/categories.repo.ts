import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** The portal's categories (chuyên mục): "Tin tức - Sự kiện", "Thông báo"… */

export interface CategoryRow {
  id: number;
  slug: string;
  name: string;
  sortOrder: number;
}

export interface CategoryWithCount extends CategoryRow {
  articleCount: number;
}

/** Every category in display order (sort order, then name). */
export async function listCategories(db: Kysely<DB>): Promise<CategoryRow[]> {
  const rows = await db
    .selectFrom("categories")
    .select(["id", "slug", "name", "sort_order"])
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, sortOrder: Number(r.sort_order) }));
}

/** Categories with how many articles (of any status) use each: a used category cannot be deleted. */
export async function listCategoriesWithCounts(db: Kysely<DB>): Promise<CategoryWithCount[]> {
  const rows = await db
    .selectFrom("categories")
    .leftJoin("articles", "articles.category_id", "categories.id")
    .select([
      "categories.id",
      "categories.slug",
      "categories.name",
      "categories.sort_order",
      (eb) => eb.fn.count<number>("articles.id").as("n"),
    ])
    .groupBy(["categories.id", "categories.slug", "categories.name", "categories.sort_order"])
    .orderBy("categories.sort_order")
    .orderBy("categories.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    sortOrder: Number(r.sort_order),
    articleCount: Number(r.n),
  }));
}

export async function findCategory(db: Kysely<DB>, id: number): Promise<CategoryRow | undefined> {
  const r = await db
    .selectFrom("categories")
    .select(["id", "slug", "name", "sort_order"])
    .where("id", "=", id)
    .executeTakeFirst();
  return r ? { id: r.id, slug: r.slug, name: r.name, sortOrder: Number(r.sort_order) } : undefined;
}

export async function categoryExists(db: Kysely<DB>, id: number): Promise<boolean> {
  return (await findCategory(db, id)) !== undefined;
}

export async function isCategorySlugTaken(db: Kysely<DB>, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("categories").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertCategory(
  db: Kysely<DB>,
  category: { slug: string; name: string; sortOrder: number },
): Promise<number> {
  const row = await db
    .insertInto("categories")
    .values({ slug: category.slug, name: category.name, sort_order: category.sortOrder })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCategory(
  db: Kysely<DB>,
  id: number,
  category: { slug: string; name: string; sortOrder: number },
): Promise<void> {
  await db
    .updateTable("categories")
    .set({ slug: category.slug, name: category.name, sort_order: category.sortOrder })
    .where("id", "=", id)
    .execute();
}

export async function countArticlesInCategory(db: Kysely<DB>, id: number): Promise<number> {
  const row = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("category_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteCategoryRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("categories").where("id", "=", id).execute();
}
