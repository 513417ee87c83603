import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { maySeeSession } from "../../core/access/needs.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ValidationError } from "../../core/http/errors.js";
import { categoryExists } from "../editorial/categories.repo.js";
import { removeMediaFiles } from "../media/media.service.js";
import { reindexArticle } from "../search/search-index.service.js";
import { sessionUnitsOf } from "./article-links.repo.js";
import { isSlugTaken } from "./articles.repo.js";
import { MESSAGES } from "./articles.schema.js";
import { splitTopLevelBlocks } from "./body-blocks.rules.js";
import { sanitizeArticleHtml } from "./sanitize.js";
import { firstFreeSlug, slugify } from "./slug.rules.js";

/** Checks and conversions shared by the services that write articles. */

/** Where articles and their photos are kept. */
export interface ArticleStore {
  db: Kysely<DB>;
  mediaDir: string;
}

/**
 * Those of these sessions the caller may read (`maySeeSession`, the sessions room's rule): linking an article to a session shows its title on the
 * article's pages, so a session the writer cannot see is as good as one that does not exist.
 */
export async function visibleSessionIds(
  db: Kysely<DB>,
  caller: Omit<ActorContext, "now">,
  ids: readonly number[],
): Promise<number[]> {
  const units = await sessionUnitsOf(db, ids);
  return [...new Set(ids)].filter((id) => {
    const s = units.get(id);
    return s !== undefined && maySeeSession(caller.actor, s, caller.hierarchy, caller.today);
  });
}

/**
 * 422 with the field when the unit, category, a linked session or a linked unit does not exist; a
 * session the caller may not read counts as not existing.
 */
export async function checkReferences(
  db: Kysely<DB>,
  caller: ActorContext,
  input: { unitId: number; categoryId: number | null; sessionIds?: number[]; linkedUnitIds?: number[] },
): Promise<void> {
  const fields: Record<string, string> = {};
  if (!caller.hierarchy.unit(input.unitId)) fields.unitId = MESSAGES.unitUnknown;
  if (input.categoryId !== null && !(await categoryExists(db, input.categoryId)))
    fields.categoryId = MESSAGES.categoryUnknown;
  const sessions = input.sessionIds ?? [];
  if (
    sessions.length > 0 &&
    (await visibleSessionIds(db, caller, sessions)).length !== new Set(sessions).size
  )
    fields.sessionIds = MESSAGES.sessionUnknown;
  if ((input.linkedUnitIds ?? []).some((id) => !caller.hierarchy.unit(id)))
    fields.linkedUnitIds = MESSAGES.unitUnknown;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/** The body as stored: sanitised and split into top-level blocks (422 when nothing is left). */
export async function cleanBody(raw: string): Promise<string> {
  const body = splitTopLevelBlocks(await sanitizeArticleHtml(raw)).join("\n");
  if (body === "") throw new ValidationError({ bodyHtml: MESSAGES.bodyEmptyAfterSanitize });
  return body;
}

export function slugConflict(): ConflictError {
  return new ConflictError(MESSAGES.slugTaken, { slug: MESSAGES.slugTaken });
}

/** The slug to store: the requested one (slugified; 409 when taken) or one generated from the title. */
export async function resolveSlug(
  db: Kysely<DB>,
  requested: string | null,
  title: string,
  exceptId?: number,
): Promise<string> {
  if (requested !== null && requested.trim() !== "") {
    const slug = slugify(requested);
    if (slug === "") throw new ValidationError({ slug: MESSAGES.slugEmpty });
    if (await isSlugTaken(db, slug, exceptId)) throw slugConflict();
    return slug;
  }
  const base = slugify(title) || "bai-viet";
  return firstFreeSlug(base, (candidate) => isSlugTaken(db, candidate, exceptId));
}

/**
 * Runs `work` in one transaction. When it fails, the photo files written for it are deleted too, and
 * a unique violation (two people saving the same slug at once) becomes the 409 of the slug field.
 */
export async function inTransaction<T>(
  store: ArticleStore,
  writtenKeys: string[],
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  try {
    // Inside the caller's transaction when there is one (a use case that writes more around it).
    return await (store.db.isTransaction ? work(store.db) : store.db.transaction().execute(work));
  } catch (error) {
    if (writtenKeys.length > 0) await removeMediaFiles(store.mediaDir, writtenKeys).catch(() => {});
    if (isUniqueViolation(error)) throw slugConflict();
    throw error;
  }
}

/**
 * What must follow every change of an article, in the transaction that made it: the search index
 * learns what readers can now find (or no longer find).
 */
export async function afterArticleChange(trx: Kysely<DB>, articleId: number): Promise<void> {
  await reindexArticle(trx, articleId);
}
