import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

/** The media library as editors browse it: photos with their caption, size, owner and uses. */

export interface LibraryItem {
  id: number;
  /** The main file. */
  storageKey: string;
  /** The narrowest stored copy, for previews (the main file when none was recorded). */
  previewKey: string;
  originalName: string;
  /** The library's caption; for photos from before the library, the caption of their first use. */
  caption: string | null;
  altText: string | null;
  width: number | null;
  height: number | null;
  unitId: number | null;
  uploadedByName: string | null;
  createdAt: string;
  useCount: number;
}

function itemQuery(db: Kysely<DB>) {
  return db
    .selectFrom("media")
    .leftJoin("media_details", "media_details.media_id", "media.id")
    .leftJoin("users", "users.id", "media.uploaded_by")
    .select((eb) => [
      "media.id",
      "media.storage_key",
      "media.original_name",
      "media.unit_id",
      "media.created_at",
      "users.display_name as uploaded_by_name",
      eb.fn
        .coalesce(
          "media_details.caption",
          eb
            .selectFrom("article_images")
            .select("article_images.caption")
            .whereRef("article_images.media_id", "=", "media.id")
            .orderBy("article_images.id")
            .limit(1),
        )
        .as("caption"),
      eb.fn
        .coalesce(
          "media_details.alt_text",
          eb
            .selectFrom("article_images")
            .select("article_images.alt_text")
            .whereRef("article_images.media_id", "=", "media.id")
            .orderBy("article_images.id")
            .limit(1),
        )
        .as("alt_text"),
      eb
        .selectFrom("media_variants")
        .select("media_variants.storage_key")
        .whereRef("media_variants.media_id", "=", "media.id")
        .orderBy("media_variants.width")
        .limit(1)
        .as("preview_key"),
      eb
        .selectFrom("media_variants")
        .select("media_variants.width")
        .whereRef("media_variants.storage_key", "=", "media.storage_key")
        .limit(1)
        .as("width"),
      eb
        .selectFrom("media_variants")
        .select("media_variants.height")
        .whereRef("media_variants.storage_key", "=", "media.storage_key")
        .limit(1)
        .as("height"),
      eb
        .selectFrom("article_images")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("article_images.media_id", "=", "media.id")
        .as("use_count"),
    ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>["executeTakeFirstOrThrow"]>>;

function toItem(r: ItemRow): LibraryItem {
  return {
    id: r.id,
    storageKey: r.storage_key,
    previewKey: r.preview_key ?? r.storage_key,
    originalName: r.original_name,
    caption: r.caption ?? null,
    altText: r.alt_text ?? null,
    width: r.width === null || r.width === undefined ? null : Number(r.width),
    height: r.height === null || r.height === undefined ? null : Number(r.height),
    unitId: r.unit_id,
    uploadedByName: r.uploaded_by_name,
    createdAt: r.created_at,
    useCount: Number(r.use_count ?? 0),
  };
}

/**
 * One page of the photos of the given units (`"all"`: every photo), newest first. Photos without a
 * unit (none are made so today) are shown only to `"all"`.
 */
export async function listLibraryItems(
  db: Kysely<DB>,
  scope: { unitIds: number[] | "all"; limit: number; offset: number },
): Promise<{ items: LibraryItem[]; total: number }> {
  if (scope.unitIds !== "all" && scope.unitIds.length === 0) return { items: [], total: 0 };
  const ids = scope.unitIds;
  let rows = itemQuery(db);
  let count = db.selectFrom("media").select((eb) => eb.fn.countAll<number>().as("n"));
  if (ids !== "all") {
    rows = rows.where("media.unit_id", "in", ids);
    count = count.where("media.unit_id", "in", ids);
  }
  const [items, total] = await Promise.all([
    rows
      .orderBy("media.created_at", "desc")
      .orderBy("media.id", "desc")
      .limit(scope.limit)
      .offset(scope.offset)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(toItem), total: Number(total.n) };
}

export async function findLibraryItem(db: Kysely<DB>, id: number): Promise<LibraryItem | undefined> {
  const row = await itemQuery(db).where("media.id", "=", id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** These photos as library items, in the order given (for an article form's reuse choices). */
export async function findLibraryItems(db: Kysely<DB>, ids: number[]): Promise<LibraryItem[]> {
  if (ids.length === 0) return [];
  const rows = await itemQuery(db).where("media.id", "in", ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toItem(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
