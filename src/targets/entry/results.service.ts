import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { AppError, ConflictError, type FieldErrors, ValidationError } from "../../core/http/errors.js";
import { submitRows } from "../approval/results-workflow.service.js";
import type { Indicator, ResultVersion } from "../catalogue/indicator.model.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import { defaultWindow, windowProblem } from "../period.rules.js";
import { fieldErrorsOf, ResultsBatchSchema } from "../targets.schema.js";
import { CONFIRM_HINT, entryProblem, entryWarning } from "./entry-checks.rules.js";
import { loadEntryContexts } from "./entry-context.service.js";
import {
  deleteDraftResult,
  insertResult,
  listResultsForUnit,
  patchResult,
  type ResultRow,
} from "./results.repo.js";

export const APPROVED_LOCKED = "Số liệu đã được phê duyệt, cần mở lại trước khi sửa";
export const SUBMITTED_LOCKED = "Số liệu đang chờ phê duyệt, cần được trả lại trước khi sửa";

/** What a save did, row by row. */
export interface SaveOutcome {
  saved: ResultRow[];
  removed: number;
  /** Rows moved to "submitted" when the save asked for it. */
  submitted: ResultRow[];
}

/** Public summary of a row for the audit log (no internal timestamps). */
export function auditView(r: ResultRow) {
  return {
    indicatorId: r.indicatorId,
    unitId: r.unitId,
    periodKey: r.periodKey,
    version: r.version,
    value: r.value,
    source: r.source,
    note: r.note,
    status: r.status,
    confirmedWarning: r.confirmedWarning,
  };
}

interface PlannedEntry {
  index: number;
  indicator: Indicator;
  value: number | null;
  source: string | null;
  note: string | null;
  confirmed: boolean;
  /** The warning confirmed for this figure, null for none; undefined when warnings were not checked. */
  confirmedWarning?: string | null;
}

/** Resolves indicators and checks each value's type; every problem is reported, keyed `values.i.*`. */
function planEntries(
  raw: {
    indicatorId?: number;
    indicatorCode?: string;
    value: number | boolean | null;
    source: string | null;
    note: string | null;
    confirmed?: boolean;
  }[],
  indicators: Indicator[],
): PlannedEntry[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));
  const errors: FieldErrors = {};
  const seen = new Set<number>();
  const planned: PlannedEntry[] = [];
  raw.forEach((entry, index) => {
    const indicator =
      entry.indicatorId !== undefined
        ? byId.get(entry.indicatorId)
        : byCode.get((entry.indicatorCode ?? "").toLowerCase());
    const at = `values.${index}`;
    if (!indicator) {
      errors[`${at}.indicator`] = "Không có chỉ tiêu này trong danh mục.";
      return;
    }
    if (seen.has(indicator.id)) {
      errors[`${at}.indicator`] = `Chỉ tiêu ${indicator.code} được nhập hai lần.`;
      return;
    }
    seen.add(indicator.id);
    let value: number | null;
    if (entry.value === null) value = null;
    else if (indicator.valueType === "boolean") {
      if (typeof entry.value !== "boolean") {
        errors[`${at}.value`] = "Chỉ tiêu mốc nhận giá trị Có (đạt) hoặc Không (chưa đạt).";
        return;
      }
      value = entry.value ? 1 : 0;
    } else if (typeof entry.value !== "number") {
      errors[`${at}.value`] = "Giá trị phải là một số.";
      return;
    } else {
      const problem = entryProblem(indicator, entry.value);
      if (problem) {
        errors[`${at}.value`] = problem;
        return;
      }
      value = entry.value;
    }
    planned.push({
      index,
      indicator,
      value,
      source: entry.source,
      note: entry.note,
      confirmed: entry.confirmed ?? false,
    });
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return planned;
}

export interface SaveOptions {
  /** Submit the saved figures for approval in the same transaction. */
  submit?: boolean;
  /**
   * Refuse a figure far from last year's or the target unless its entry is `confirmed` (the form and the
   * API; a spreadsheet or DHIS2 import has no one to ask and checks bounds only).
   */
  warnings?: boolean;
}

export const CONFIRMATION_REQUIRED = "confirmation_required";

const unchanged = (row: ResultRow, e: PlannedEntry) =>
  e.value !== null && row.value === e.value && row.source === e.source && row.note === e.note;

/**
 * Saves a unit's figures for one period and version, all or nothing: every entry is checked first
 * (unknown indicators, wrong value types, figures already submitted or approved), every problem is
 * reported at once, and only then is anything written. A null value removes a draft figure. Approved
 * figures are locked (409 APPROVED_LOCKED), submitted ones wait for the office (409 SUBMITTED_LOCKED);
 * an entry identical to a locked row is not a change and passes. With `submit`, the batch's figures
 * are then submitted in the same transaction. Each change is audited with before and after.
 */
export async function saveResults(
  db: Kysely<DB>,
  raw: unknown,
  ctx: ActorContext,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  try {
    return await db.transaction().execute((trx) => saveResultsIn(trx, raw, ctx, options));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "Số liệu vừa được người khác nhập cùng lúc; vui lòng tải lại trang và thử lại.",
      );
    }
    throw error;
  }
}

/**
 * {@link saveResults} inside a transaction the caller opened, so that several batches (an imported
 * file with estimates and finals, a DHIS2 data value set over many units) commit or fail together.
 */
export async function saveResultsIn(
  trx: Kysely<DB>,
  raw: unknown,
  ctx: ActorContext,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  const parsed = ResultsBatchSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const batch = parsed.data;
  if (!ctx.hierarchy.unit(batch.unitId)) throw new ValidationError({ unitId: "Đơn vị không tồn tại." });
  authorize(
    ctx.actor,
    "result.enter",
    { unitPath: ctx.hierarchy.pathForToday(batch.unitId, ctx.today) },
    ctx.today,
  );
  const window =
    batch.periodStart && batch.periodEnd
      ? { start: batch.periodStart, end: batch.periodEnd }
      : defaultWindow(batch.periodKey, batch.windowRule);
  if (!window) throw new ValidationError({ periodStart: "Kỳ riêng cần ngày bắt đầu và ngày kết thúc." });
  const badWindow = windowProblem(batch.periodKey, window.start, window.end);
  if (badWindow) throw new ValidationError({ [badWindow.field]: badWindow.message });

  const entries = planEntries(batch.values, await listIndicators(trx));
  const existing = new Map<number, ResultRow>();
  for (const row of await listResultsForUnit(trx, batch.unitId, [batch.periodKey])) {
    if (row.version === batch.version) existing.set(row.indicatorId, row);
  }
  const conflicts: FieldErrors = {};
  for (const e of entries) {
    const row = existing.get(e.indicator.id);
    if (!row || row.status === "draft" || row.status === "reopened" || unchanged(row, e)) continue;
    conflicts[`values.${e.index}.value`] = row.status === "approved" ? APPROVED_LOCKED : SUBMITTED_LOCKED;
  }
  if (Object.keys(conflicts).length > 0) {
    const first = Object.values(conflicts)[0] as string;
    throw new ConflictError(first, conflicts);
  }
  if (options.warnings) {
    await checkWarnings(trx, entries, existing, { unitId: batch.unitId, periodKey: batch.periodKey, window });
  }
  return writeEntries(
    trx,
    entries,
    existing,
    { ...batch, window, version: batch.version },
    ctx,
    options.submit ?? false,
  );
}

/**
 * Marks each entry's confirmed warning, and refuses the batch (422 `confirmation_required`, field
 * `values.i.confirmed`) when a changed figure has a warning its entry did not confirm.
 */
async function checkWarnings(
  trx: Kysely<DB>,
  entries: PlannedEntry[],
  existing: Map<number, ResultRow>,
  batch: { unitId: number; periodKey: string; window: { start: string; end: string } },
): Promise<void> {
  const contexts = await loadEntryContexts(trx, {
    unitId: batch.unitId,
    periodKey: batch.periodKey,
    parentId: { at: batch.window.end },
  });
  const unconfirmed: FieldErrors = {};
  for (const e of entries) {
    const row = existing.get(e.indicator.id);
    if (e.value === null) continue;
    // A figure entered before keeps what was confirmed for it when only its source or note changes.
    if (row && row.value === e.value) {
      e.confirmedWarning = row.confirmedWarning;
      continue;
    }
    const context = contexts.get(e.indicator.id);
    const warning = context ? entryWarning(e.indicator, e.value, context) : null;
    if (warning && !e.confirmed) unconfirmed[`values.${e.index}.confirmed`] = `${warning} ${CONFIRM_HINT}`;
    e.confirmedWarning = warning;
  }
  const first = Object.values(unconfirmed)[0];
  if (first) throw new AppError(422, CONFIRMATION_REQUIRED, first, unconfirmed);
}

async function writeEntries(
  trx: Kysely<DB>,
  entries: PlannedEntry[],
  existing: Map<number, ResultRow>,
  batch: {
    unitId: number;
    periodKey: string;
    version: ResultVersion;
    window: { start: string; end: string };
  },
  ctx: ActorContext,
  submit: boolean,
): Promise<SaveOutcome> {
  const outcome: SaveOutcome = { saved: [], removed: 0, submitted: [] };
  const audit = (action: string, id: number, before?: ResultRow, after?: ResultRow) =>
    recordAudit(trx, {
      actor: ctx.actor,
      action,
      entityType: "result",
      entityId: id,
      unitId: batch.unitId,
      before: before ? auditView(before) : undefined,
      after: after ? auditView(after) : undefined,
      at: ctx.now,
      ip: ctx.ip ?? null,
    });
  for (const e of entries) {
    const row = existing.get(e.indicator.id);
    if (e.value === null) {
      if (row && (await deleteDraftResult(trx, row.id))) {
        outcome.removed++;
        await audit("delete", row.id, row);
      }
      continue;
    }
    if (row && unchanged(row, e)) {
      outcome.saved.push(row);
      continue;
    }
    if (row) {
      const patch = {
        value: e.value,
        source: e.source,
        note: e.note,
        enteredBy: ctx.actor.userId,
        // Unchecked (an import): a new value drops the confirmation given for the old one.
        confirmedWarning: e.confirmedWarning ?? (row.value === e.value ? undefined : null),
      };
      const updated = await patchResult(
        trx,
        row.id,
        row.status,
        { ...patch, periodStart: batch.window.start, periodEnd: batch.window.end },
        ctx.now,
      );
      if (!updated) throw new ConflictError(APPROVED_LOCKED);
      outcome.saved.push(updated);
      await audit("update", row.id, row, updated);
      continue;
    }
    const inserted = await insertResult(
      trx,
      {
        indicatorId: e.indicator.id,
        unitId: batch.unitId,
        periodKey: batch.periodKey,
        version: batch.version,
        periodStart: batch.window.start,
        periodEnd: batch.window.end,
        value: e.value,
        source: e.source,
        note: e.note,
        status: "draft",
        enteredBy: ctx.actor.userId,
        confirmedWarning: e.confirmedWarning ?? null,
      },
      ctx.now,
    );
    outcome.saved.push(inserted);
    await audit("create", inserted.id, undefined, inserted);
  }
  if (submit) {
    const drafts = outcome.saved.filter((r) => r.status === "draft" || r.status === "reopened");
    outcome.submitted = await submitRows(trx, drafts, ctx);
  }
  return outcome;
}
