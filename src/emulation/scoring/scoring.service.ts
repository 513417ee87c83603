import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Action, type Actor, authorize, can } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { ForbiddenError, ValidationError } from "../../core/http/errors.js";
import { listStaffDepartmentIds } from "../assessments/assessments.repo.js";
import { auditBase, mayReviewAllCriteria, unitTarget } from "../emulation-access.rules.js";
import type { EvaluationSource } from "../evaluation-source.js";
import {
  buildTree,
  type Criterion,
  type CriterionNode,
  flattenTree,
  isComputed,
  pointsError,
  STAGES,
  type Stage,
  type TreeIssue,
  totalsOf,
  treeIssues,
} from "../schemes/criteria-tree.rules.js";
import type { SchemeRow } from "../schemes/schemes.repo.js";
import { listCriteria } from "../schemes/schemes.repo.js";
import { assertCompeting, loadScheme } from "../schemes/schemes.service.js";
import { computePoints } from "./computed-points.model.js";
import { deleteScore, listScores, type ScoreRow, upsertScore } from "./scores.repo.js";
import type { ComputedPoints } from "./scoring.rules.js";

export const STAGE_ACTIONS: Record<Stage, Action> = {
  self: "emulation.self_score",
  review: "emulation.review",
  council: "emulation.council",
};

const schemeScope = (scheme: SchemeRow) => ({ periodKey: scheme.periodKey, parentId: scheme.ownerUnitId });

type PerStage<T> = Record<Stage, T>;
const perStage = <T>(make: (stage: Stage) => T): PerStage<T> => ({
  self: make("self"),
  review: make("review"),
  council: make("council"),
});

/**
 * The points that count at a stage. Self and review stages take computed criteria live from the data;
 * the council's points are what it recorded, computed ones included (snapshotted when it saved), so
 * the final score does not move when results are reopened later.
 */
function effectivePoints(
  stage: Stage,
  criteria: readonly Criterion[],
  stored: Map<number, ScoreRow>,
  computed: Map<number, ComputedPoints>,
) {
  const points = new Map<number, number>();
  for (const c of criteria) {
    if (stage !== "council" && isComputed(c)) {
      const value = computed.get(c.id)?.points;
      if (value !== null && value !== undefined) points.set(c.id, value);
    } else {
      const row = stored.get(c.id);
      if (row) points.set(c.id, row.points);
    }
  }
  return points;
}

/** Which criteria the actor may score at each stage for this unit. */
async function editableCriteria(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  unitId: number,
  criteria: readonly Criterion[],
): Promise<PerStage<Set<number>>> {
  const target = unitTarget(ctx, unitId);
  const leaves = criteria.filter((c) => c.kind !== "group");
  const typed = leaves.filter((c) => !isComputed(c));
  const allowed = (stage: Stage) =>
    ctx.actor === null || can(ctx.actor, STAGE_ACTIONS[stage], target, ctx.today);
  let reviewable = typed;
  if (allowed("review") && !mayReviewAllCriteria(ctx.actor, target, ctx.today) && ctx.actor) {
    const mine = new Set(await listStaffDepartmentIds(db, ctx.actor.userId));
    reviewable = typed.filter((c) => c.organisationId !== null && mine.has(c.organisationId));
  }
  return {
    self: new Set(allowed("self") ? typed.map((c) => c.id) : []),
    review: new Set(allowed("review") ? reviewable.map((c) => c.id) : []),
    council: new Set(allowed("council") ? leaves.map((c) => c.id) : []),
  };
}

export interface ScoreSheet {
  scheme: SchemeRow;
  unitId: number;
  roots: CriterionNode[];
  /** Depth-first: the rows of the scoring table. */
  rows: CriterionNode[];
  stored: PerStage<Map<number, ScoreRow>>;
  computed: Map<number, ComputedPoints>;
  totals: PerStage<ReturnType<typeof totalsOf>>;
  editable: PerStage<Set<number>>;
  issues: TreeIssue[];
}

/**
 * One unit's scores at every stage with totals, computed points and what the actor may edit. Readable
 * by whoever takes part (self-scoring, review, council) or may read the unit's results.
 */
export async function loadScoreSheet(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  schemeId: number,
  unitId: number,
  source: EvaluationSource,
): Promise<ScoreSheet> {
  const scheme = await loadScheme(db, schemeId);
  assertCompeting(ctx, scheme, unitId);
  const target = unitTarget(ctx, unitId);
  const actions: Action[] = ["result.read", ...Object.values(STAGE_ACTIONS)];
  if (ctx.actor && !actions.some((a) => can(ctx.actor, a, target, ctx.today))) throw new ForbiddenError();
  const [criteria, scores] = await Promise.all([
    listCriteria(db, schemeId),
    listScores(db, schemeId, { unitIds: [unitId] }),
  ]);
  const computed =
    (await computePoints(db, source, schemeScope(scheme), criteria, [unitId])).get(unitId) ?? new Map();
  const stored = perStage(
    (stage) => new Map(scores.filter((s) => s.stage === stage).map((s) => [s.criterionId, s])),
  );
  const roots = buildTree(criteria);
  return {
    scheme,
    unitId,
    roots,
    rows: flattenTree(roots),
    stored,
    computed,
    totals: perStage((stage) => totalsOf(roots, effectivePoints(stage, criteria, stored[stage], computed))),
    editable: await editableCriteria(db, ctx, unitId, criteria),
    issues: treeIssues(roots, scheme.maxPoints),
  };
}

/** Totals of every given unit at every stage, with two queries plus the computed data. */
export async function schemeTotals(
  db: Kysely<DB>,
  scheme: SchemeRow,
  unitIds: number[],
  source: EvaluationSource,
  stages: readonly Stage[] = STAGES,
): Promise<Map<number, Partial<PerStage<{ total: number; complete: boolean }>>>> {
  const [criteria, scores] = await Promise.all([
    listCriteria(db, scheme.id),
    listScores(db, scheme.id, { unitIds }),
  ]);
  const needsComputed = stages.some((s) => s !== "council");
  const computed = needsComputed
    ? await computePoints(db, source, schemeScope(scheme), criteria, unitIds)
    : new Map();
  const roots = buildTree(criteria);
  const result = new Map<number, Partial<PerStage<{ total: number; complete: boolean }>>>();
  for (const unitId of unitIds) {
    const entry: Partial<PerStage<{ total: number; complete: boolean }>> = {};
    for (const stage of stages) {
      const stored = new Map(
        scores.filter((s) => s.unitId === unitId && s.stage === stage).map((s) => [s.criterionId, s]),
      );
      const { total, complete } = totalsOf(
        roots,
        effectivePoints(stage, criteria, stored, computed.get(unitId) ?? new Map()),
      );
      entry[stage] = { total, complete };
    }
    result.set(unitId, entry);
  }
  return result;
}

export interface ScoreEntry {
  criterionId: number;
  /** null clears the points of this stage. */
  points: number | null;
  comment: string | null;
}

/**
 * Records one stage of one unit's scores. The self stage belongs to the unit (emulation.self_score),
 * review to a leader above or a department officer for the criteria of their department
 * (emulation.review), the council stage to the council above (emulation.council), which also fixes
 * computed criteria: those it does not set are recorded as computed now. Everything is checked before
 * anything is written (points within [0, max], field errors `scores.<i>.points`), then written in one
 * transaction with an audit event per change. Returns the number of changes.
 */
export async function saveStageScores(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  input: { schemeId: number; unitId: number; stage: Stage; entries: ScoreEntry[] },
  source: EvaluationSource,
): Promise<number> {
  const { stage, unitId } = input;
  const scheme = await loadScheme(db, input.schemeId);
  assertCompeting(ctx, scheme, unitId);
  if (ctx.actor) authorize(ctx.actor, STAGE_ACTIONS[stage], unitTarget(ctx, unitId), ctx.today);
  const criteria = await listCriteria(db, scheme.id);
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const editable = (await editableCriteria(db, ctx, unitId, criteria))[stage];

  const errors: Record<string, string> = {};
  const seen = new Set<number>();
  input.entries.forEach((entry, i) => {
    const criterion = byId.get(entry.criterionId);
    if (!criterion) errors[`scores.${i}.criterionId`] = "Tiêu chí không thuộc bảng chấm điểm này.";
    else if (seen.has(criterion.id)) errors[`scores.${i}.criterionId`] = "Tiêu chí được chấm hai lần.";
    else if (stage !== "council" && isComputed(criterion)) {
      errors[`scores.${i}.points`] =
        "Điểm tiêu chí này được tính tự động từ số liệu; chỉ Hội đồng mới điều chỉnh.";
    } else if (!editable.has(criterion.id) && criterion.kind !== "group") {
      throw new ForbiddenError(`Tiêu chí ${criterion.code} không thuộc lĩnh vực bạn được thẩm định.`);
    } else if (entry.points !== null) {
      const message = pointsError(criterion, entry.points, entry.comment);
      if (message) errors[`scores.${i}.points`] = message;
    } else if (criterion.kind === "group")
      errors[`scores.${i}.points`] = "Nhóm tiêu chí không chấm trực tiếp.";
    if (entry.comment && entry.comment.length > 2000)
      errors[`scores.${i}.comment`] = "Ghi chú tối đa 2.000 ký tự.";
    if (criterion) seen.add(criterion.id);
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const computed =
    stage === "council"
      ? ((await computePoints(db, source, schemeScope(scheme), criteria, [unitId])).get(unitId) ?? new Map())
      : new Map();
  const existing = new Set(
    (await listScores(db, scheme.id, { unitIds: [unitId], stage })).map((s) => s.criterionId),
  );
  // The council fixes computed criteria it leaves untouched at their value now (if there is one).
  const snapshots: ScoreEntry[] = criteria
    .filter((c) => stage === "council" && isComputed(c) && !seen.has(c.id) && !existing.has(c.id))
    .flatMap((c) => {
      const value = computed.get(c.id) as ComputedPoints | undefined;
      return value && value.points !== null
        ? [{ criterionId: c.id, points: value.points, comment: value.explanation }]
        : [];
    });

  return db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const entry of [...input.entries, ...snapshots]) {
      const criterion = byId.get(entry.criterionId) as Criterion;
      const key = { schemeId: scheme.id, criterionId: criterion.id, unitId, stage };
      const comment = entry.comment?.trim() || null;
      const audit = { ...auditBase(ctx, unitId), entityType: "emulation_score" };
      const described = { schemeId: scheme.id, criterion: criterion.code, stage };
      if (entry.points === null) {
        const removed = await deleteScore(trx, key);
        if (removed) {
          await recordAudit(trx, {
            ...audit,
            action: "delete",
            entityId: removed.id,
            before: { ...described, ...removed.before },
          });
          changed++;
        }
        continue;
      }
      const values = { points: entry.points, comment };
      const { id, before } = await upsertScore(trx, key, values, {
        userId: ctx.actor?.userId ?? null,
        now: ctx.now,
      });
      if (before && before.points === values.points && before.comment === values.comment) continue;
      await recordAudit(trx, {
        ...audit,
        action: before ? "update" : "create",
        entityId: id,
        before: before ? { ...described, ...before } : undefined,
        after: { ...described, ...values },
      });
      changed++;
    }
    return changed;
  });
}
