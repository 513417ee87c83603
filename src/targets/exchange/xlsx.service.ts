import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { authorize } from "../../core/access/policy.js";
import type { DB } from "../../core/db/schema.js";
import { AppError, ValidationError } from "../../core/http/errors.js";
import type { ResultVersion } from "../catalogue/indicator.model.js";
import { listIndicators } from "../catalogue/indicators.repo.js";
import { saveResultsIn } from "../entry/results.service.js";
import { COLUMNS } from "./entry-template.xlsx.js";
import { ImportProblems } from "./import-problems.rules.js";
import { at, type ImportedRow, ImportRejected, readEntryWorkbook } from "./results-import.xlsx.js";

/**
 * Imports a filled-in template for one unit and period, all or nothing: the file is read and every
 * row checked first; then each version's figures are saved in one transaction, where locked figures
 * (submitted, approved) are reported against their rows too. Returns the number of figures saved.
 * Throws ImportRejected (422) listing the first problems and counting all; nothing is saved then.
 */
export async function importEntryWorkbook(
  db: Kysely<DB>,
  input: { unitId: number; periodKey: string; buffer: Buffer },
  ctx: ActorContext,
): Promise<number> {
  if (!ctx.hierarchy.unit(input.unitId)) throw new ValidationError({ unitId: "Đơn vị không tồn tại." });
  authorize(
    ctx.actor,
    "result.enter",
    { unitPath: ctx.hierarchy.pathForToday(input.unitId, ctx.today) },
    ctx.today,
  );
  const rows = await readEntryWorkbook(input.buffer, input, await listIndicators(db));
  const byVersion = new Map<ResultVersion, ImportedRow[]>();
  for (const row of rows) {
    const group = byVersion.get(row.version);
    if (group) group.push(row);
    else byVersion.set(row.version, [row]);
  }
  return db.transaction().execute(async (trx) => {
    const problems = new ImportProblems();
    let saved = 0;
    for (const [version, group] of byVersion) {
      const values = group.map((r) => ({
        indicatorId: r.indicator.id,
        value: r.value,
        source: r.source,
        note: r.note,
      }));
      try {
        const outcome = await saveResultsIn(
          trx,
          { unitId: input.unitId, periodKey: input.periodKey, version, values },
          ctx,
        );
        saved += outcome.saved.length;
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        for (const [path, message] of Object.entries(error.fields)) {
          const row = group[Number(path.split(".")[1])];
          problems.add("", row ? at(row.row, COLUMNS.value, message) : message);
        }
      }
    }
    if (problems.total > 0) throw new ImportRejected(problems);
    return saved;
  });
}
