import { parseViNumber } from "../core/format/vi-number.js";
import { type AppCtx, todayOf } from "../core/http/request.js";
import { defaultYear } from "../core/period/default-year.rules.js";
import { listPeriodKeysWithData } from "../targets/period-keys.repo.js";
import { type EmulationList, listEmulationPeriods } from "./emulation-years.repo.js";

/**
 * A number typed the vi-VN way ("48,5"), empty meaning "none". Collects the message under `field`
 * when the text is not a number, and returns NaN so the caller's later checks do not run on it.
 */
export function formNumber(text: string, field: string, errors: Record<string, string>): number | null {
  if (text.trim() === "") return null;
  const parsed = parseViNumber(text);
  if (!parsed.ok) {
    errors[field] = parsed.message;
    return Number.NaN;
  }
  return parsed.value;
}

/**
 * The year an emulation list opens on when the address names none: the latest year holding rows of
 * it (the ranking also counts years with results), else last year.
 */
export async function defaultEmulationYear(c: AppCtx, list: EmulationList): Promise<string> {
  const db = c.var.ctx.database.db;
  const today = todayOf(c);
  const periods =
    list === "schemes"
      ? [...(await listEmulationPeriods(db, list)), ...(await listPeriodKeysWithData(db, null))]
      : await listEmulationPeriods(db, list);
  return defaultYear(periods, today, String(Number(today.slice(0, 4)) - 1));
}
