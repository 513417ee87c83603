import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import type { Hierarchy } from "../../core/access/hierarchy.rules.js";
import { type Actor, grantedRoots } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { fieldErrorsOf, type IndicatorInput, IndicatorInputSchema } from "../targets.schema.js";
import type { Indicator } from "./indicator.model.js";
import {
  findIndicatorById,
  type IndicatorWrite,
  insertIndicator,
  isIndicatorInUse,
  startDefinition,
  updateIndicator,
} from "./indicators.repo.js";

/** The first wording of a new indicator applies from this date: before any data the app will hold. */
const FIRST_WORDING_FROM = "1945-09-02";
const CODE_TAKEN = "Mã chỉ tiêu đã được dùng cho chỉ tiêu khác.";

/**
 * May the actor edit the shared indicator catalogue? A system admin, or a unit admin of a unit that
 * has units under it (a district or city office): the catalogue is what every ward reports against,
 * so a ward's own admin may not change it.
 */
export function mayManageCatalogue(actor: Actor | null, hierarchy: Hierarchy, today: string): boolean {
  const roots = grantedRoots(actor, "indicator.manage", today);
  if (roots === "all") return true;
  return roots.some((id) => hierarchy.childrenAt(id, today).length > 0);
}

function parse(input: unknown): IndicatorInput {
  const parsed = IndicatorInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * The weight of a comparable-base mean must be another indicator counting people or households (a
 * number): a rate weighted by a rate means nothing.
 */
async function checkWeight(db: Kysely<DB>, input: IndicatorInput, id: number | null): Promise<void> {
  const weightId = input.comparableWeightId;
  if (weightId === null) return;
  const weight = weightId === id ? undefined : await findIndicatorById(db, weightId);
  if (!weight || weight.valueType !== "number") {
    throw new ValidationError({
      comparableWeightId: "Chỉ tiêu quyền số phải là một chỉ tiêu số lượng khác (dân số, số hộ…).",
    });
  }
}

function toWrite(input: IndicatorInput): IndicatorWrite {
  const { wordingFrom: _wordingFrom, ...rest } = input;
  return rest;
}

/** Creates an indicator with its first dated wording. 409 with field `code` when the code is taken. */
export async function createIndicator(db: Kysely<DB>, raw: unknown, ctx: ActorContext): Promise<number> {
  if (!mayManageCatalogue(ctx.actor, ctx.hierarchy, ctx.today)) throw new ForbiddenError();
  const input = parse(raw);
  try {
    return await db.transaction().execute(async (trx) => {
      await checkWeight(trx, input, null);
      const id = await insertIndicator(trx, toWrite(input), ctx.now);
      await startDefinition(trx, {
        indicatorId: id,
        validFrom: input.wordingFrom ?? FIRST_WORDING_FROM,
        name: input.name,
        definition: input.definition,
      });
      await recordAudit(trx, {
        actor: ctx.actor,
        action: "create",
        entityType: "indicator",
        entityId: id,
        unitId: null,
        after: toWrite(input),
        at: ctx.now,
        ip: ctx.ip ?? null,
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(CODE_TAKEN, { code: CODE_TAKEN });
    throw error;
  }
}

/**
 * Updates an indicator. Its meaning (value type, direction, comparison mode) is frozen once targets or
 * results use it: changing it would silently re-judge history. A new name or definition starts a new
 * dated wording from `wordingFrom` (default today), so older periods keep their words.
 */
export async function editIndicator(
  db: Kysely<DB>,
  id: number,
  raw: unknown,
  ctx: ActorContext,
): Promise<void> {
  if (!mayManageCatalogue(ctx.actor, ctx.hierarchy, ctx.today)) throw new ForbiddenError();
  const input = parse(raw);
  try {
    await db.transaction().execute(async (trx) => {
      const before = await findIndicatorById(trx, id);
      if (!before) throw new NotFoundError("Không tìm thấy chỉ tiêu.");
      const meaningChanged =
        before.valueType !== input.valueType ||
        before.direction !== input.direction ||
        before.comparisonMode !== input.comparisonMode;
      if (meaningChanged && (await isIndicatorInUse(trx, id))) {
        const message =
          "Chỉ tiêu đã có chỉ tiêu giao hoặc số liệu: không đổi được loại giá trị, chiều đánh giá, cách so sánh.";
        throw new ConflictError(message, { direction: message });
      }
      await checkWeight(trx, input, id);
      await updateIndicator(trx, id, toWrite(input), ctx.now);
      if (before.name !== input.name || before.definition !== input.definition) {
        await startDefinition(trx, {
          indicatorId: id,
          validFrom: input.wordingFrom ?? ctx.today,
          name: input.name,
          definition: input.definition,
        });
      }
      await recordAudit(trx, {
        actor: ctx.actor,
        action: "update",
        entityType: "indicator",
        entityId: id,
        unitId: null,
        before: stripId(before),
        after: toWrite(input),
        at: ctx.now,
        ip: ctx.ip ?? null,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(CODE_TAKEN, { code: CODE_TAKEN });
    throw error;
  }
}

function stripId({ id: _id, ...rest }: Indicator): IndicatorWrite {
  return rest;
}
