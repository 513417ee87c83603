import type { z } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import { effectiveDateOf, isValidAt } from "../core/access/hierarchy.rules.js";
import { type Actor, authorize, grantedRoots } from "../core/access/policy.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { foldVietnamese } from "../core/text/fold.js";
import { compareUnitNames, levelRank, unitDisplayName } from "./unit-labels.js";
import {
  findParentAt,
  findUnitById,
  listOrganisationsAt,
  listPositionsAt,
  listSuccessionsOf,
  listUnitsByIds,
  listUnitsValidAt,
  type OrganisationRow,
  type PositionRow,
  type SuccessionRow,
  type UnitAtDate,
  type UnitProfile,
  type UnitRow,
  updateUnitProfile as updateUnitProfileRow,
} from "./units.repo.js";
import { UnitProfileInputSchema } from "./units.schema.js";

/** Top-down, then alphabetical: the order every unit list uses. */
function byLevelThenName(a: { level: string; name: string }, b: { level: string; name: string }): number {
  return levelRank(a.level) - levelRank(b.level) || compareUnitNames(a.name, b.name);
}

/**
 * Units valid at `at`, optionally filtered by `q` on the name (with or without the level word:
 * "thuong thanh" and "phường Thượng Thanh" both find Thượng Thanh). Matching ignores accents and
 * folds đ to d; names that also match with their accents come first, as folding merges words.
 */
export async function searchUnitsAt(
  db: Kysely<DB>,
  input: { at: string; q?: string },
): Promise<UnitAtDate[]> {
  const units = await listUnitsValidAt(db, input.at);
  const q = input.q?.trim() ?? "";
  if (q === "") return units.sort(byLevelThenName);
  const foldedQuery = foldVietnamese(q);
  const exactQuery = q.toLocaleLowerCase("vi").replace(/\s+/g, " ");
  const scored = units.flatMap((unit) => {
    const names = [unit.name, unitDisplayName(unit)];
    if (!names.some((n) => foldVietnamese(n).includes(foldedQuery))) return [];
    const exact = names.some((n) => n.toLocaleLowerCase("vi").includes(exactQuery));
    return [{ unit, exact }];
  });
  scored.sort((a, b) => Number(b.exact) - Number(a.exact) || byLevelThenName(a.unit, b.unit));
  return scored.map((s) => s.unit);
}

export interface UnitTreeNode {
  unit: UnitAtDate;
  children: UnitTreeNode[];
}

/** The whole tree of units valid at `at`; units whose parent is not valid then show at the top. */
export async function unitTreeAt(db: Kysely<DB>, at: string): Promise<UnitTreeNode[]> {
  const units = (await listUnitsValidAt(db, at)).sort(byLevelThenName);
  const ids = new Set(units.map((u) => u.id));
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitTreeNode[] }]));
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export interface OrganisationWithPeople extends OrganisationRow {
  positions: PositionRow[];
}

export interface UnitLeader {
  personId: number;
  name: string;
  title: string;
  organisation: string;
  biography: string | null;
  startKnown: boolean;
}

export interface UnitDetail {
  unit: UnitRow;
  /** The date parent, organisations and leaders are read at. */
  at: string;
  /** The date that was asked for (`?ngay=`, or today). */
  requested: string;
  /**
   * Why `at` differs from `requested`: `dissolved` (the unit had ended by then: its last day is
   * shown), `not_yet` (it did not exist yet: its first day is shown), or `as_requested`.
   */
  atReason: "as_requested" | "dissolved" | "not_yet";
  /** Relative to today: gone, existing, or only planned. */
  status: "active" | "dissolved" | "future";
  /** Ancestors at `at`, top first (Hà Nội, then the district…), without the unit itself. */
  ancestors: { id: number; name: string; level: string }[];
  parent: { id: number; name: string; level: string } | null;
  children: UnitAtDate[];
  organisations: OrganisationWithPeople[];
  /** Leaders (is_leader) at `at`, ordered by organisation then position order. */
  leaders: UnitLeader[];
  successions: { predecessors: SuccessionRow[]; successors: SuccessionRow[] };
}

/**
 * Everything a unit's page and the API show. `requested` defaults to today; when the unit did not
 * exist on that date its details are read at its last (or first) valid day, and `atReason` says so.
 */
export async function getUnitDetail(
  db: Kysely<DB>,
  unitId: number,
  options: { requested?: string; today: string },
): Promise<UnitDetail> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new NotFoundError("Không tìm thấy đơn vị hành chính này.");
  const requested = options.requested ?? options.today;
  const span = { id: unit.id, validFrom: unit.validFrom, validTo: unit.validTo };
  const at = isValidAt(span, requested) ? requested : effectiveDateOf(span, requested);
  const atReason = at === requested ? "as_requested" : at < requested ? "dissolved" : "not_yet";
  const status =
    unit.validTo !== null && unit.validTo < options.today
      ? "dissolved"
      : unit.validFrom > options.today
        ? "future"
        : "active";

  const [hierarchy, parent, organisations, successions, unitsThen] = await Promise.all([
    loadHierarchy(db),
    findParentAt(db, unitId, at),
    listOrganisationsAt(db, unitId, at),
    listSuccessionsOf(db, unitId),
    listUnitsValidAt(db, at),
  ]);
  const positions = await listPositionsAt(
    db,
    organisations.map((o) => o.id),
    at,
  );
  const withPeople = organisations.map((o) => ({
    ...o,
    positions: positions.filter((p) => p.organisationId === o.id),
  }));
  const leaders = withPeople.flatMap((o) =>
    o.positions
      .filter((p) => p.isLeader)
      .map((p) => ({
        personId: p.personId,
        name: p.fullName,
        title: p.title,
        organisation: o.name,
        biography: p.biography,
        startKnown: p.validFrom !== null,
      })),
  );
  const byId = new Map(unitsThen.map((u) => [u.id, u]));
  const ancestors = hierarchy
    .pathAt(unitId, at)
    .slice(1)
    .reverse()
    .flatMap((id) => {
      const u = byId.get(id);
      return u ? [{ id: u.id, name: u.name, level: u.level }] : [];
    });
  const children = unitsThen.filter((u) => u.parentId === unitId).sort(byLevelThenName);
  return {
    unit,
    at,
    requested,
    atReason,
    status,
    ancestors,
    parent: parent ?? null,
    children,
    organisations: withPeople,
    leaders,
    successions,
  };
}

/** Turns the Zod issues of a profile into `{ field: message }` for the form and the API. */
function profileFieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[key] ??= issue.message;
      continue;
    }
    const key = issue.path.map(String).join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Empty strings clear a field; undefined leaves it as it is. */
function normaliseProfile(input: Record<string, string | null | undefined>): Partial<UnitProfile> {
  const out: Partial<UnitProfile> = {};
  for (const key of ["address", "phone", "email", "intro"] as const) {
    const value = input[key];
    if (value === undefined) continue;
    out[key] = value === null || value === "" ? null : value;
  }
  if (out.intro) out.intro = out.intro.replace(/\r\n?/g, "\n");
  return out;
}

export interface UpdateUnitProfileInput {
  actor: Actor | null;
  unitId: number;
  /** Untrusted: validated here with `UnitProfileInputSchema`. */
  changes: unknown;
  today: string;
  now: Date;
  ip: string | null;
}

/**
 * Changes a unit's contact details and introduction. Checks, in order: the unit exists (404), the
 * actor may `unit.update` it (403, judged on the unit's place in the hierarchy today, or on its last
 * day for a dissolved unit), the input is valid (422 with one message per field). The change and its
 * audit event (before → after) are written in one transaction; nothing is written when nothing
 * changes.
 */
export async function updateUnitProfile(
  db: Kysely<DB>,
  input: UpdateUnitProfileInput,
): Promise<{ before: UnitProfile; after: UnitProfile; changed: boolean }> {
  const hierarchy = await loadHierarchy(db);
  if (!hierarchy.unit(input.unitId)) throw new NotFoundError("Không tìm thấy đơn vị hành chính này.");
  authorize(
    input.actor,
    "unit.update",
    { unitPath: hierarchy.pathForToday(input.unitId, input.today) },
    input.today,
  );
  const parsed = UnitProfileInputSchema.safeParse(input.changes);
  if (!parsed.success) throw new ValidationError(profileFieldErrors(parsed.error.issues));
  const changes = normaliseProfile(parsed.data);
  return db.transaction().execute(async (trx) => {
    const result = await updateUnitProfileRow(trx, input.unitId, changes, input.now);
    if (!result) throw new NotFoundError("Không tìm thấy đơn vị hành chính này.");
    const changed = (["address", "phone", "email", "intro"] as const).some(
      (k) => result.before[k] !== result.after[k],
    );
    if (changed) {
      await recordAudit(trx, {
        actor: input.actor,
        action: "update",
        entityType: "unit",
        entityId: input.unitId,
        unitId: input.unitId,
        before: result.before,
        after: result.after,
        ip: input.ip,
        at: input.now,
      });
    }
    return { ...result, changed };
  });
}

/** May the actor open this unit's edit page? Throws 404 / 403 like the update itself. */
export async function authorizeUnitEdit(
  db: Kysely<DB>,
  actor: Actor | null,
  unitId: number,
  today: string,
): Promise<UnitRow> {
  const hierarchy = await loadHierarchy(db);
  const unit = hierarchy.unit(unitId) ? await findUnitById(db, unitId) : undefined;
  if (!unit) throw new NotFoundError("Không tìm thấy đơn vị hành chính này.");
  authorize(actor, "unit.update", { unitPath: hierarchy.pathForToday(unitId, today) }, today);
  return unit;
}

export interface EditableUnit {
  id: number;
  name: string;
  level: string;
  code: string | null;
  validFrom: string;
  validTo: string | null;
  active: boolean;
}

/**
 * The units whose profile the actor may change today: every unit for a system admin, otherwise the
 * granted units and everything under them. Existing units first. 403 when there are none.
 */
export async function listEditableUnits(
  db: Kysely<DB>,
  actor: Actor | null,
  today: string,
): Promise<EditableUnit[]> {
  const roots = grantedRoots(actor, "unit.update", today);
  if (roots !== "all" && roots.length === 0) throw new ForbiddenError();
  const ids = roots === "all" ? "all" : (await loadHierarchy(db)).unitIdsUnder(roots, today);
  const units = await listUnitsByIds(db, ids);
  return units
    .map((u) => ({ ...u, active: isValidAt(u, today) }))
    .sort((a, b) => Number(b.active) - Number(a.active) || byLevelThenName(a, b));
}
