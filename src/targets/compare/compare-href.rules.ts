/**
 * The comparison page's state as query parameters, and links that change one part of it (a sort, a
 * kind of column) while keeping the rest, so sorting and switching work without JavaScript. Pure.
 */
import { COLUMN_KIND_PARAMS, type ColumnKind, type SortDirection } from "./compare.rules.js";

export const COMPARE_PATH = "/quan-tri/chi-tieu/so-sanh";

export interface CompareState {
  indicator: string;
  /** Explicitly chosen units; null: the default set. */
  unitIds: number[] | null;
  from: number;
  to: number;
  kind: ColumnKind;
  /** "ten" or a column's period key. */
  sort: string;
  direction: SortDirection;
}

/** The query string of a state (without "?"); `path` "" for the page, ".xlsx" / ".csv" for its files. */
export function compareQuery(state: CompareState): string {
  const q = new URLSearchParams();
  q.set("chi-tieu", state.indicator);
  for (const id of state.unitIds ?? []) q.append("don-vi", String(id));
  q.set("tu", String(state.from));
  q.set("den", String(state.to));
  if (state.kind !== "year") q.set("cot", COLUMN_KIND_PARAMS[state.kind]);
  if (state.sort !== "ten" || state.direction !== "asc") {
    q.set("sap-xep", state.sort);
    q.set("chieu", state.direction === "asc" ? "tang" : "giam");
  }
  return q.toString();
}

export function compareHref(state: CompareState, suffix = ""): string {
  return `${COMPARE_PATH}${suffix}?${compareQuery(state)}`;
}

/**
 * The link of a column header: sorts by it, descending first for figures (the largest on top) and
 * ascending first for names; a second click reverses.
 */
export function sortHref(state: CompareState, by: string): string {
  const first: SortDirection = by === "ten" ? "asc" : "desc";
  const direction: SortDirection = state.sort === by ? (state.direction === "asc" ? "desc" : "asc") : first;
  return compareHref({ ...state, sort: by, direction });
}
