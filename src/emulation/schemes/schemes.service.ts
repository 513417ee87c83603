import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { listDepartments } from "../assessments/assessments.repo.js";
import { auditBase, belowTarget } from "../emulation-access.rules.js";
import { isPeriodKey, PERIOD_MESSAGE, periodEndDate } from "../emulation-period.rules.js";
import { type CriterionInput, criterionInputErrors } from "./criteria-input.rules.js";
import { buildTree, type Criterion, type CriterionKind, treeIssues } from "./criteria-tree.rules.js";
import {
  findScheme,
  insertCluster,
  insertCriterion,
  insertScheme,
  listClusters,
  listCriteria,
  type SchemeRow,
} from "./schemes.repo.js";

export interface NewSchemeInput {
  name: string;
  periodKey: string;
  ownerUnitId: number;
  maxPoints: number;
  /** The whole tree at once (API), parents before children; it must then be balanced. Omitted: criteria are added one by one. */
  criteria?: (CriterionInput & { parentCode?: string | null })[];
}

export async function loadScheme(db: Kysely<DB>, schemeId: number): Promise<SchemeRow> {
  const scheme = await findScheme(db, schemeId);
  if (!scheme) throw new NotFoundError("Không tìm thấy bảng chấm điểm thi đua.");
  return scheme;
}

/** The units that compete in a scheme: the owner's children at the end of the period. */
export function competingUnitIds(ctx: ActorContext<Actor | null>, scheme: SchemeRow): number[] {
  return ctx.hierarchy.childrenAt(scheme.ownerUnitId, periodEndDate(scheme.periodKey));
}

export function assertCompeting(ctx: ActorContext<Actor | null>, scheme: SchemeRow, unitId: number): void {
  if (!competingUnitIds(ctx, scheme).includes(unitId))
    throw new NotFoundError("Đơn vị không tham gia bảng thi đua này.");
}

/** Adds an error at `field` for each organisation id that is not an assessing organisation at `date`. */
export async function checkOrganisations(
  db: Kysely<DB>,
  date: string,
  items: { organisationId?: number | null; field: string }[],
  errors: Record<string, string>,
): Promise<void> {
  const ids = [...new Set(items.flatMap((item) => (item.organisationId ? [item.organisationId] : [])))];
  const known = new Set((await listDepartments(db, ids, date)).map((d) => d.id));
  for (const item of items) {
    if (item.organisationId && !known.has(item.organisationId))
      errors[item.field] = "Phòng, ban không tồn tại.";
  }
}

/**
 * Creates a scheme, with its whole criteria tree when given: a flat list in display order where each
 * criterion names its group by `parentCode` (the group listed earlier). Run from above the competing
 * units (emulation.manage on a unit under the owner). A tree given at once must be valid and balanced
 * (criteria-tree.rules `treeIssues`); errors carry paths such as `criteria.3.maxPoints`.
 */
export async function createScheme(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  input: NewSchemeInput,
): Promise<number> {
  const errors: Record<string, string> = {};
  if (!input.name.trim() || input.name.length > 300)
    errors.name = "Vui lòng nhập tên bảng chấm điểm (tối đa 300 ký tự).";
  if (!isPeriodKey(input.periodKey)) errors.periodKey = PERIOD_MESSAGE;
  if (!(Number.isFinite(input.maxPoints) && input.maxPoints > 0))
    errors.maxPoints = "Tổng điểm phải lớn hơn 0.";
  if (!ctx.hierarchy.unit(input.ownerUnitId)) errors.ownerUnitId = "Đơn vị không tồn tại.";
  if (errors.ownerUnitId === undefined && ctx.actor)
    authorize(ctx.actor, "emulation.manage", belowTarget(ctx, input.ownerUnitId), ctx.today);
  const list = input.criteria ?? [];
  const indexOf = new Map<string, number>();
  const drafts: Criterion[] = [];
  list.forEach((item, i) => {
    const path = `criteria.${i}`;
    for (const [field, message] of Object.entries(criterionInputErrors(item)))
      errors[`${path}.${field}`] = message;
    if (indexOf.has(item.code)) errors[`${path}.code`] = "Mã tiêu chí bị trùng.";
    const parentIndex = item.parentCode ? indexOf.get(item.parentCode) : undefined;
    if (item.parentCode && (parentIndex === undefined || list[parentIndex]?.kind !== "group")) {
      errors[`${path}.parentCode`] = "Tiêu chí cha phải là một nhóm được liệt kê trước tiêu chí này.";
    }
    if (!indexOf.has(item.code)) indexOf.set(item.code, i);
    // Temporary ids 1…n mirror list positions, for the tree checks before anything is written.
    drafts.push(toCriterion(item, i + 1, parentIndex === undefined ? null : parentIndex + 1, i + 1));
  });
  const organisations = list.map((item, i) => ({
    organisationId: item.organisationId,
    field: `criteria.${i}.organisationId`,
  }));
  if (isPeriodKey(input.periodKey))
    await checkOrganisations(db, periodEndDate(input.periodKey), organisations, errors);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (list.length > 0) {
    for (const issue of treeIssues(buildTree(drafts), input.maxPoints)) {
      errors[issue.code === null ? "maxPoints" : `criteria.${indexOf.get(issue.code)}.maxPoints`] =
        issue.message;
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  }

  try {
    return await db.transaction().execute(async (trx) => {
      const schemeId = await insertScheme(trx, {
        ...input,
        name: input.name.trim(),
        userId: ctx.actor?.userId ?? null,
        now: ctx.now,
      });
      const ids: number[] = [];
      for (const draft of drafts) {
        const parentId = draft.parentId === null ? null : (ids[draft.parentId - 1] ?? null);
        ids.push(await insertCriterion(trx, schemeId, { ...draft, parentId }));
      }
      await recordAudit(trx, {
        ...auditBase(ctx, input.ownerUnitId),
        action: "create",
        entityType: "emulation_scheme",
        entityId: schemeId,
        after: {
          name: input.name.trim(),
          periodKey: input.periodKey,
          ownerUnitId: input.ownerUnitId,
          maxPoints: input.maxPoints,
          criteria: list.length,
        },
      });
      return schemeId;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("Đơn vị này đã có bảng chấm điểm thi đua cho kỳ này.", {
        periodKey: "Đã có bảng chấm điểm cho kỳ này.",
      });
    }
    throw error;
  }
}

/** A criterion as stored from its input: fields its kind does not use are dropped. */
export function toCriterion(
  input: CriterionInput,
  id: number,
  parentId: number | null,
  sortOrder: number,
): Criterion {
  return {
    id,
    parentId,
    code: input.code,
    name: input.name.trim(),
    maxPoints: input.maxPoints,
    kind: input.kind as CriterionKind,
    indicatorCode: input.kind === "indicator_rule" ? (input.indicatorCode?.trim() ?? null) : null,
    organisationId: input.organisationId ?? null,
    rule: input.kind === "indicator_rule" || input.kind === "assessment" ? (input.rule ?? null) : null,
    fixedPoints: input.fixedPoints ?? null,
    sortOrder,
  };
}

/** Adds one criterion under a group of the scheme (or at the top). The tree may stay unbalanced meanwhile. */
export async function addCriterion(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  schemeId: number,
  input: CriterionInput & { parentId: number | null },
): Promise<number> {
  const scheme = await loadScheme(db, schemeId);
  if (ctx.actor) authorize(ctx.actor, "emulation.manage", belowTarget(ctx, scheme.ownerUnitId), ctx.today);
  const errors = criterionInputErrors(input);
  const criteria = await listCriteria(db, schemeId);
  const parent = input.parentId === null ? null : criteria.find((c) => c.id === input.parentId);
  if (input.parentId !== null && parent?.kind !== "group")
    errors.parentId = "Tiêu chí cha phải là một nhóm của bảng này.";
  else if (parent && input.maxPoints > parent.maxPoints)
    errors.maxPoints = "Điểm tối đa không được vượt điểm tối đa của nhóm.";
  if (criteria.some((c) => c.code === input.code)) errors.code = "Mã tiêu chí bị trùng.";
  await checkOrganisations(
    db,
    periodEndDate(scheme.periodKey),
    [{ organisationId: input.organisationId, field: "organisationId" }],
    errors,
  );
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const siblings = criteria.filter((c) => c.parentId === input.parentId);
  const sortOrder = Math.max(0, ...siblings.map((c) => c.sortOrder)) + 1;
  return db.transaction().execute(async (trx) => {
    const criterion = toCriterion(input, 0, input.parentId, sortOrder);
    const id = await insertCriterion(trx, schemeId, criterion);
    const { id: _id, ...after } = criterion;
    await recordAudit(trx, {
      ...auditBase(ctx, scheme.ownerUnitId),
      action: "create",
      entityType: "emulation_criterion",
      entityId: id,
      after: { schemeId, ...after },
    });
    return id;
  });
}

/** Groups competing units into a cụm/khối thi đua; a unit belongs to at most one cluster of a scheme. */
export async function addCluster(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  schemeId: number,
  input: { name: string; unitIds: number[] },
): Promise<number> {
  const scheme = await loadScheme(db, schemeId);
  if (ctx.actor) authorize(ctx.actor, "emulation.manage", belowTarget(ctx, scheme.ownerUnitId), ctx.today);
  const errors: Record<string, string> = {};
  if (!input.name.trim() || input.name.length > 200) errors.name = "Vui lòng nhập tên cụm thi đua.";
  const competing = new Set(competingUnitIds(ctx, scheme));
  const clusters = await listClusters(db, schemeId);
  const taken = new Set(clusters.flatMap((c) => c.unitIds));
  if (input.unitIds.length === 0) errors.unitIds = "Vui lòng chọn các đơn vị của cụm.";
  else if (input.unitIds.some((id) => !competing.has(id)))
    errors.unitIds = "Có đơn vị không tham gia bảng thi đua này.";
  else if (input.unitIds.some((id) => taken.has(id))) errors.unitIds = "Có đơn vị đã thuộc một cụm khác.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return db.transaction().execute(async (trx) => {
    const unitIds = [...new Set(input.unitIds)];
    const id = await insertCluster(trx, schemeId, input.name.trim(), clusters.length + 1, unitIds);
    await recordAudit(trx, {
      ...auditBase(ctx, scheme.ownerUnitId),
      action: "create",
      entityType: "emulation_cluster",
      entityId: id,
      after: { schemeId, name: input.name.trim(), unitIds },
    });
    return id;
  });
}
