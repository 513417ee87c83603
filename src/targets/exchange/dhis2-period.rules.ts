/**
 * Period identifiers of DHIS2 (the statistics platform's ISO-like period ids) and the office calendar's
 * keys (period.rules): yearly "2019" = "2019", monthly "201907" = "2019-07", quarterly "2019Q3" =
 * "2019-Q3", six-monthly "2019S1" = "2019-6T" (6 tháng đầu năm). The first three months "2019-3T" are
 * DHIS2's "2019Q1". DHIS2 has no id for nine months nor for a term, and giaoban none for "2019S2"
 * (the second half alone): those are not exchanged. Pure.
 */
import { periodKindOf, yearPartOf } from "../period.rules.js";

/** The DHIS2 period id of a key, or null when DHIS2 has none. */
export function toDhis2Period(key: string): string | null {
  const kind = periodKindOf(key);
  if (kind === "year") return key;
  const part = yearPartOf(key);
  if (!part) return null;
  if (kind === "month") return `${part.year}${String(part.firstMonth).padStart(2, "0")}`;
  if (kind === "quarter" || (kind === "cumulative" && part.months === 3))
    return `${part.year}Q${part.lastMonth / 3}`;
  if (kind === "cumulative" && part.months === 6) return `${part.year}S1`;
  return null;
}

/** The key of a DHIS2 period id (yearly, monthly, quarterly, first six-monthly), or null for any other. */
export function fromDhis2Period(id: string): string | null {
  let key: string | null = null;
  const text = id.trim();
  if (/^\d{4}$/.test(text)) key = text;
  else if (/^\d{6}$/.test(text)) key = `${text.slice(0, 4)}-${text.slice(4)}`;
  else if (/^\d{4}Q[1-4]$/.test(text)) key = `${text.slice(0, 4)}-Q${text.slice(5)}`;
  else if (/^\d{4}S1$/.test(text)) key = `${text.slice(0, 4)}-6T`;
  const kind = key ? periodKindOf(key) : null;
  return kind === "year" || kind === "month" || kind === "quarter" || kind === "cumulative" ? key : null;
}
