import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** Tags (từ khóa) and which articles carry them. */

// Sorted here, not in SQL: the two engines collate "Đ" differently; Vietnamese readers expect it after D.
const collator = new Intl.Collator("vi");
function byName(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name);
}

export interface TagRow {
  id: number;
  slug: string;
  name: string;
}

/** The ids of these tags, created when missing (one per slug: "Hộ nghèo" and "hộ nghèo" are one tag). */
export async function ensureTags(
  db: Kysely<DB>,
  tags: { slug: string; name: string }[],
  now: Date,
): Promise<number[]> {
  if (tags.length === 0) return [];
  const slugs = tags.map((t) => t.slug);
  const existing = await db.selectFrom("tags").select(["id", "slug"]).where("slug", "in", slugs).execute();
  const ids = new Map(existing.map((r) => [r.slug, r.id]));
  for (const tag of tags) {
    if (ids.has(tag.slug)) continue;
    const row = await db
      .insertInto("tags")
      .values({ slug: tag.slug, name: tag.name, created_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(tag.slug, row.id);
  }
  return slugs.map((slug) => ids.get(slug) as number);
}

/** Makes the article's tags exactly `tagIds`. */
export async function setArticleTags(db: Kysely<DB>, articleId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom("article_tags").where("article_id", "=", articleId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto("article_tags")
    .values([...new Set(tagIds)].map((tagId) => ({ article_id: articleId, tag_id: tagId })))
    .execute();
}

/** The tags of these articles, by article, in name order. */
export async function listTagsOfArticles(
  db: Kysely<DB>,
  articleIds: number[],
): Promise<Map<number, TagRow[]>> {
  const out = new Map<number, TagRow[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom("article_tags")
    .innerJoin("tags", "tags.id", "article_tags.tag_id")
    .select(["article_tags.article_id", "tags.id", "tags.slug", "tags.name"])
    .where("article_tags.article_id", "in", articleIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, slug: r.slug, name: r.name });
    out.set(r.article_id, list);
  }
  for (const list of out.values()) list.sort(byName);
  return out;
}

/** Every tag with how many articles carry it, most used first. */
export async function listTagsWithCounts(db: Kysely<DB>): Promise<(TagRow & { articleCount: number })[]> {
  const rows = await db
    .selectFrom("tags")
    .leftJoin("article_tags", "article_tags.tag_id", "tags.id")
    .select([
      "tags.id",
      "tags.slug",
      "tags.name",
      (eb) => eb.fn.count<number>("article_tags.article_id").as("n"),
    ])
    .groupBy(["tags.id", "tags.slug", "tags.name"])
    .execute();
  return rows
    .map((r) => ({ id: r.id, slug: r.slug, name: r.name, articleCount: Number(r.n) }))
    .sort((a, b) => b.articleCount - a.articleCount || byName(a, b));
}

export async function findTag(db: Kysely<DB>, id: number): Promise<TagRow | undefined> {
  return db.selectFrom("tags").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();
}

/** Deletes a tag; its links to articles go with it. */
export async function deleteTagRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("article_tags").where("tag_id", "=", id).execute();
  await db.deleteFrom("tags").where("id", "=", id).execute();
}
