import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import { listMostRead, type MostReadRow } from "./most-read.repo.js";
import { type MostReadPeriod, periodDays } from "./most-read.rules.js";

/**
 * The most-read articles of a period ending today (in Vietnam). Views still buffered in the view
 * counter are not in it yet: they arrive with the next flush (10 seconds by default).
 */
export async function mostReadArticles(
  db: Kysely<DB>,
  period: MostReadPeriod,
  now: Date,
  limit = 10,
): Promise<MostReadRow[]> {
  const { fromDay, toDay } = periodDays(period, vnDateString(now));
  return listMostRead(db, { fromDay, toDay, nowIso: now.toISOString(), limit });
}
