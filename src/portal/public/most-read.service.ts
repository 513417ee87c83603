import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { vnDateString } from "../../core/format/vi-date.js";
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

export interface MostReadBoxData {
  period: MostReadPeriod;
  rows: MostReadRow[];
}

/**
 * The short ranking beside the news: the last 7 days, or all time when nobody read anything in the
 * last 7 days (a quiet portal, or an archive), so the box is not missing from the page for days.
 */
export async function mostReadBox(db: Kysely<DB>, now: Date, limit: number): Promise<MostReadBoxData> {
  const week = await mostReadArticles(db, "tuan", now, limit);
  if (week.length > 0) return { period: "tuan", rows: week };
  return { period: "tat-ca", rows: await mostReadArticles(db, "tat-ca", now, limit) };
}
