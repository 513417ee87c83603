/**
 * Which year a list opens on when the address names none: not an empty current year, but the latest
 * year that has data. A year after this one (a programme planned ahead) counts only when no year up to
 * this one has data; with no data at all, `fallback` (this year unless given).
 *
 * An explicit choice (`?nam=`, `?ky=`) is never replaced: callers use this only when it is absent.
 * @example defaultYear(["2019", "2020", "2018"], "2026-12-07") === "2020"
 */
export function defaultYear(
  yearsWithData: readonly (string | number)[],
  today: string,
  fallback: string = today.slice(0, 4),
): string {
  const thisYear = Number(today.slice(0, 4));
  // Only plain years count ("2019"): a term ("2015-2020") or a custom key has no single year.
  const years = yearsWithData
    .filter((y) => typeof y === "number" || /^\d{4}$/.test(y))
    .map(Number)
    .filter((y) => Number.isInteger(y) && y > 0);
  const past = years.filter((y) => y <= thisYear);
  if (past.length > 0) return String(Math.max(...past));
  if (years.length > 0) return String(Math.min(...years));
  return fallback;
}
