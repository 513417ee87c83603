/**
 * Editing and deleting criteria of a scheme's tree (adding is in schemes.service). Authorised as the
 * scheme's manager, checked against the scores already given (criteria-edit.rules), audited, each in
 * one transaction that reads the tree and the scores it checks.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { auditBase, belowTarget } from "../emulation-access.rules.js";
import { periodEndDate } from "../emulation-period.rules.js";
import { deleteCriterion as deleteRow, scoreUsage, updateCriterion as updateRow } from "./criteria.repo.js";
import { criterionChangeErrors, deletionRefusal } from "./criteria-edit.rules.js";
import { type CriterionInput, criterionInputErrors } from "./criteria-input.rules.js";
import type { Criterion } from "./criteria-tree.rules.js";
import { listCriteria, type SchemeRow } from "./schemes.repo.js";
import { checkOrganisations, loadScheme, toCriterion } from "./schemes.service.js";

async function managedScheme(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  schemeId: number,
): Promise<SchemeRow> {
  const scheme = await loadScheme(db, schemeId);
  if (ctx.actor) authorize(ctx.actor, "emulation.manage", belowTarget(ctx, scheme.ownerUnitId), ctx.today);
  return scheme;
}

function findIn(criteria: readonly Criterion[], id: number): Criterion {
  const criterion = criteria.find((c) => c.id === id);
  if (!criterion) throw new NotFoundError("Không tìm thấy tiêu chí.");
  return criterion;
}

const withoutId = ({ id: _id, ...rest }: Criterion) => rest;

/**
 * Replaces a criterion's fields. Moving it to another group puts it last there. Refused with field
 * errors when the input is bad or would break the tree or the scores already given.
 */
export async function updateCriterion(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  schemeId: number,
  criterionId: number,
  input: CriterionInput & { parentId: number | null },
): Promise<void> {
  const scheme = await managedScheme(db, ctx, schemeId);
  const errors = criterionInputErrors(input);
  await checkOrganisations(
    db,
    periodEndDate(scheme.periodKey),
    [{ organisationId: input.organisationId, field: "organisationId" }],
    errors,
  );
  try {
    await db.transaction().execute(async (trx) => {
      const criteria = await listCriteria(trx, schemeId);
      const before = findIn(criteria, criterionId);
      Object.assign(
        errors,
        criterionChangeErrors(criteria, criterionId, input, await scoreUsage(trx, schemeId)),
      );
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const sortOrder =
        input.parentId === before.parentId
          ? before.sortOrder
          : Math.max(0, ...criteria.filter((c) => c.parentId === input.parentId).map((c) => c.sortOrder)) + 1;
      const after = toCriterion(input, criterionId, input.parentId, sortOrder);
      await updateRow(trx, schemeId, criterionId, withoutId(after));
      await recordAudit(trx, {
        ...auditBase(ctx, scheme.ownerUnitId),
        action: "update",
        entityType: "emulation_criterion",
        entityId: criterionId,
        before: { schemeId, ...withoutId(before) },
        after: { schemeId, ...withoutId(after) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("Mã tiêu chí vừa được dùng cho tiêu chí khác.", {
        code: "Mã tiêu chí bị trùng.",
      });
    }
    throw error;
  }
}

/**
 * Deletes a criterion that has no scores and no criteria below it; otherwise a ConflictError whose
 * message says why and what to do instead.
 */
export async function deleteCriterion(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  schemeId: number,
  criterionId: number,
): Promise<void> {
  const scheme = await managedScheme(db, ctx, schemeId);
  await db.transaction().execute(async (trx) => {
    const criteria = await listCriteria(trx, schemeId);
    const before = findIn(criteria, criterionId);
    const refusal = deletionRefusal(criteria, criterionId, await scoreUsage(trx, schemeId));
    if (refusal) throw new ConflictError(refusal);
    await deleteRow(trx, schemeId, criterionId);
    await recordAudit(trx, {
      ...auditBase(ctx, scheme.ownerUnitId),
      action: "delete",
      entityType: "emulation_criterion",
      entityId: criterionId,
      before: { schemeId, ...withoutId(before) },
    });
  });
}
