/**
 * The list behind a follow-up figure: one filter ("drill") that the follow-up report writes as a link
 * and the directives list (page and API) reads back, so a count and the list it opens can never count
 * differently. The same filter has Vietnamese parameter names on the page and English ones in the API.
 */
import { TIMELINESS, type Timeliness } from "../timeliness.rules.js";
import { WORKFLOW_STATES, type WorkflowState } from "../workflow.rules.js";

export interface DrillFilter {
  /** Led by this unit or a unit under it (the report's "đơn vị chủ trì" filter). */
  under?: number;
  /** Led by this unit, by itself or one of its organisations (UBND, Đảng ủy…). */
  unit?: number;
  /** One lead party as the report groups it: "u12" the unit itself (no organisation), "o34" an organisation. */
  lead?: string;
  /** The assigner as the report groups it: "p5" a person, "n:<name>" a name only, "u3" the assigning unit only. */
  assigner?: string;
  /** From this notice, or "none": not from a conclusion notice. */
  notice?: number | "none";
  /** Deadline (its last day) in "2020-03", "2020-Q1" or "2020"; "none": no deadline. */
  period?: string;
  status?: WorkflowState;
  timeliness?: Timeliness;
}

const FIELDS = ["under", "unit", "lead", "assigner", "notice", "period", "status", "timeliness"] as const;
type Field = (typeof FIELDS)[number];

/** Page (Vietnamese) names of the filter's parameters. */
const PAGE_NAMES: Record<Field, string> = {
  under: "duoi",
  unit: "don_vi",
  lead: "chu_tri",
  assigner: "nguoi_giao",
  notice: "thong_bao",
  period: "thoi_han",
  status: "trang_thai",
  timeliness: "tien_do",
};

export const LEAD_KEY = /^[uo][1-9]\d*$/;
export const ASSIGNER_KEY = /^(p[1-9]\d*|u[1-9]\d*|n:.+)$/s;
export const PERIOD_KEY = /^(none|\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?)$/;

function query(drill: DrillFilter, names: (f: Field) => string): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const value = drill[f];
    if (value !== undefined) params.set(names(f), String(value));
  }
  return params.toString();
}

/** The directives list page's query string for the filter (no leading "?"). */
export function pageQuery(drill: DrillFilter): string {
  return query(drill, (f) => PAGE_NAMES[f]);
}

/** The directives API's query string for the filter (no leading "?"). */
export function apiQuery(drill: DrillFilter): string {
  return query(drill, (f) => f);
}

const positive = (raw: string | undefined) => (raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined);
const matching = (raw: string | undefined, re: RegExp) =>
  raw !== undefined && re.test(raw) ? raw : undefined;

/** The filter from the page's query parameters; values that are not well formed are left out. */
export function drillFromPage(get: (name: string) => string | undefined): DrillFilter {
  const v = (f: Field) => get(PAGE_NAMES[f]);
  const notice = v("notice");
  const status = v("status");
  const timeliness = v("timeliness");
  const drill: DrillFilter = {
    under: positive(v("under")),
    unit: positive(v("unit")),
    lead: matching(v("lead"), LEAD_KEY),
    assigner: matching(v("assigner"), ASSIGNER_KEY),
    notice: notice === "none" ? "none" : positive(notice),
    period: matching(v("period"), PERIOD_KEY),
    status: (WORKFLOW_STATES as readonly string[]).includes(status ?? "")
      ? (status as WorkflowState)
      : undefined,
    timeliness: (TIMELINESS as readonly string[]).includes(timeliness ?? "")
      ? (timeliness as Timeliness)
      : undefined,
  };
  for (const f of FIELDS) if (drill[f] === undefined) delete drill[f];
  return drill;
}

/** Conditions on the directives table, as directives.repo's filter takes them. */
export interface DrillConditions {
  leadUnitId?: number;
  /** With leadUnitId: null = the unit itself, without an organisation. */
  leadOrganisationId?: number | null;
  assigner?: { personId: number } | { name: string } | { unitId: number };
  noticeId?: number | null;
  /** Months ("yyyy-mm") of the deadline's last day, both included; null = no deadline. */
  deadlineMonths?: { from: string; to: string } | null;
  state?: WorkflowState;
  timeliness?: Timeliness;
}

/** The months a period key covers: "2020-Q2" → 2020-04 … 2020-06; null for "none". */
export function periodMonths(key: string): { from: string; to: string } | null {
  if (key === "none") return null;
  const [year, part] = key.split("-");
  if (part === undefined) return { from: `${year}-01`, to: `${year}-12` };
  const quarter = /^Q([1-4])$/.exec(part);
  if (!quarter) return { from: key, to: key };
  const last = Number(quarter[1]) * 3;
  const mm = (m: number) => String(m).padStart(2, "0");
  return { from: `${year}-${mm(last - 2)}`, to: `${year}-${mm(last)}` };
}

/** The table conditions of a filter, except `under` (a unit tree the caller resolves with the hierarchy). */
export function drillConditions(drill: DrillFilter): DrillConditions {
  const out: DrillConditions = {};
  if (drill.unit !== undefined) out.leadUnitId = drill.unit;
  if (drill.lead !== undefined) {
    const id = Number(drill.lead.slice(1));
    if (drill.lead.startsWith("o")) out.leadOrganisationId = id;
    else if (drill.unit === undefined || drill.unit === id) {
      out.leadUnitId = id;
      out.leadOrganisationId = null;
    } else out.leadUnitId = -1; // two different units: nothing matches
  }
  if (drill.assigner !== undefined) {
    const a = drill.assigner;
    out.assigner = a.startsWith("n:")
      ? { name: a.slice(2) }
      : a.startsWith("p")
        ? { personId: Number(a.slice(1)) }
        : { unitId: Number(a.slice(1)) };
  }
  if (drill.notice !== undefined) out.noticeId = drill.notice === "none" ? null : drill.notice;
  if (drill.period !== undefined) out.deadlineMonths = periodMonths(drill.period);
  if (drill.status !== undefined) out.state = drill.status;
  if (drill.timeliness !== undefined) out.timeliness = drill.timeliness;
  return out;
}
