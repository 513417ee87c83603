/**
 * The period's report drafted from data, for one unit and period: the evaluation, the narrative with
 * the unit's rank, quality level and award proposals (emulation's, through the standing extension),
 * the figures with last year's, in the State or the Party form. Only for whoever may read all the
 * unit's figures (`result.read` or `result.enter`), since the draft is an internal document.
 */
import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { can } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { ForbiddenError, NotFoundError } from "../../core/http/errors.js";
import { loadEntryContexts } from "../entry/entry-context.service.js";
import { findParentIdAt, findUnitBrief } from "../evaluation/evaluation.repo.js";
import { evaluateUnit, narrativeFor } from "../evaluation/evaluation.service.js";
import type { StandingSource } from "../evaluation/standing.extension.js";
import { unitInSentence } from "../unit-wording.rules.js";
import type { PeriodReport } from "./period-report.docx.js";
import { type ReportForm, reportHeader, reportRows, reportTitle } from "./period-report.rules.js";

export async function draftPeriodReport(
  db: Kysely<DB>,
  input: { unitId: number; periodKey: string; form: ReportForm },
  ctx: ActorContext,
  standingSource: StandingSource,
): Promise<PeriodReport> {
  if (!ctx.hierarchy.unit(input.unitId)) throw new NotFoundError("Không tìm thấy đơn vị.");
  const target = { unitPath: ctx.hierarchy.pathForToday(input.unitId, ctx.today) };
  if (
    !can(ctx.actor, "result.read", target, ctx.today) &&
    !can(ctx.actor, "result.enter", target, ctx.today)
  ) {
    throw new ForbiddenError();
  }
  const evaluation = await evaluateUnit(db, { unitId: input.unitId, periodKey: input.periodKey });
  const asOf = evaluation.period.asOf;
  const [parentId, standing, contexts] = await Promise.all([
    findParentIdAt(db, input.unitId, asOf),
    standingSource.standing(db, {
      unitId: input.unitId,
      periodKey: input.periodKey,
      hierarchy: ctx.hierarchy,
      publicOnly: false,
    }),
    loadEntryContexts(db, { unitId: input.unitId, periodKey: input.periodKey, parentId: { at: asOf } }),
  ]);
  const parent = parentId === null ? null : ((await findUnitBrief(db, parentId)) ?? null);
  const estimated = evaluation.summary.estimated;
  return {
    header: reportHeader(input.form, evaluation.unit, parent),
    title: reportTitle(input.periodKey, evaluation.period.label),
    periodKey: input.periodKey,
    unitName: unitInSentence(evaluation.unit),
    narrative: narrativeFor(evaluation, "precise", standing),
    rows: reportRows(evaluation.indicators, contexts),
    note: estimated > 0 ? `Ghi chú: ${estimated} chỉ tiêu tính theo số ước thực hiện.` : null,
  };
}
