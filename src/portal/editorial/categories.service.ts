import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { canAnywhere } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { slugify } from "../articles/slug.rules.js";
import { deleteTagRow, findTag } from "../articles/tags.repo.js";
import {
  countArticlesInCategory,
  deleteCategoryRow,
  findCategory,
  insertCategory,
  isCategorySlugTaken,
  updateCategory,
} from "./categories.repo.js";

/**
 * Categories (chuyên mục) and tags are shared by the whole portal, so only editors manage them:
 * create, rename, reorder, delete an unused category; delete a tag. Every change is audited.
 */

export const CATEGORY_MESSAGES = {
  nameRequired: "Vui lòng nhập tên chuyên mục.",
  nameTooLong: "Tên chuyên mục không được dài quá 100 ký tự.",
  slugEmpty: "Đường dẫn phải có ít nhất một chữ cái hoặc chữ số.",
  slugTaken: "Đường dẫn này đã được dùng cho chuyên mục khác.",
  orderInvalid: "Thứ tự phải là số nguyên từ 0 đến 9999.",
} as const;

export interface CategoryInput {
  name: string;
  /** Empty: made from the name. */
  slug: string;
  /** Text as typed; empty means 0. */
  sortOrder: string;
}

/** Editors (and system administrators) manage the portal's categories and tags. */
export function canManageCategories(caller: ActorContext): boolean {
  return canAnywhere(caller.actor, "article.publish", caller.today);
}

function requireManager(caller: ActorContext): void {
  if (!canManageCategories(caller)) throw new ForbiddenError();
}

async function checked(db: Kysely<DB>, input: CategoryInput, exceptId?: number) {
  const fields: Record<string, string> = {};
  const name = input.name.replace(/\s+/g, " ").trim();
  if (name === "") fields.name = CATEGORY_MESSAGES.nameRequired;
  else if (name.length > 100) fields.name = CATEGORY_MESSAGES.nameTooLong;
  const slug = slugify(input.slug.trim() === "" ? name : input.slug);
  if (slug === "" && !fields.name) fields.slug = CATEGORY_MESSAGES.slugEmpty;
  const order = input.sortOrder.trim() === "" ? 0 : Number(input.sortOrder.trim());
  if (!/^\d{0,4}$/.test(input.sortOrder.trim())) fields.sortOrder = CATEGORY_MESSAGES.orderInvalid;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  if (await isCategorySlugTaken(db, slug, exceptId))
    throw new ConflictError(CATEGORY_MESSAGES.slugTaken, { slug: CATEGORY_MESSAGES.slugTaken });
  return { name, slug, sortOrder: order };
}

async function audited<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(CATEGORY_MESSAGES.slugTaken, { slug: CATEGORY_MESSAGES.slugTaken });
    throw error;
  }
}

export async function createCategory(
  db: Kysely<DB>,
  caller: ActorContext,
  input: CategoryInput,
): Promise<number> {
  requireManager(caller);
  const values = await checked(db, input);
  return audited(db, async (trx) => {
    const id = await insertCategory(trx, values);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "create",
      entityType: "category",
      entityId: id,
      unitId: null,
      after: values,
      ip: caller.ip,
      at: caller.now,
    });
    return id;
  });
}

/** Renames or reorders a category; changing its slug changes the address of its public page. */
export async function changeCategory(
  db: Kysely<DB>,
  caller: ActorContext,
  id: number,
  input: CategoryInput,
): Promise<void> {
  requireManager(caller);
  const before = await findCategory(db, id);
  if (!before) throw new NotFoundError("Không tìm thấy chuyên mục.");
  const values = await checked(db, input, id);
  await audited(db, async (trx) => {
    await updateCategory(trx, id, values);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "update",
      entityType: "category",
      entityId: id,
      unitId: null,
      before: { name: before.name, slug: before.slug, sortOrder: before.sortOrder },
      after: values,
      ip: caller.ip,
      at: caller.now,
    });
  });
}

/** Deletes a category no article uses (409 otherwise: move those articles first). */
export async function deleteCategory(db: Kysely<DB>, caller: ActorContext, id: number): Promise<void> {
  requireManager(caller);
  const before = await findCategory(db, id);
  if (!before) throw new NotFoundError("Không tìm thấy chuyên mục.");
  await audited(db, async (trx) => {
    const used = await countArticlesInCategory(trx, id);
    if (used > 0)
      throw new ConflictError(
        `Chuyên mục "${before.name}" đang có ${used} bài viết; chuyển các bài sang chuyên mục khác trước khi xóa.`,
      );
    await deleteCategoryRow(trx, id);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "delete",
      entityType: "category",
      entityId: id,
      unitId: null,
      before: { name: before.name, slug: before.slug, sortOrder: before.sortOrder },
      ip: caller.ip,
      at: caller.now,
    });
  });
}

/** Deletes a tag and takes it off every article that carried it. */
export async function deleteTag(db: Kysely<DB>, caller: ActorContext, id: number): Promise<void> {
  requireManager(caller);
  const before = await findTag(db, id);
  if (!before) throw new NotFoundError("Không tìm thấy từ khóa.");
  await audited(db, async (trx) => {
    await deleteTagRow(trx, id);
    await recordAudit(trx, {
      actor: caller.actor,
      action: "delete",
      entityType: "tag",
      entityId: id,
      unitId: null,
      before,
      ip: caller.ip,
      at: caller.now,
    });
  });
}
