import type { Kysely } from "kysely";
import type { Actor } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import type { DB } from "../../core/db/schema.js";
import { formatViNumber, parseViNumber } from "../../core/format/vi-number.js";
import { ValidationError } from "../../core/http/errors.js";
import { authorizeUnitEdit, getUnitDetail, type UnitDetail } from "../../units/units.service.js";
import type { ArticleSummary } from "../articles/articles.repo.js";
import { listOpenDataPeriods } from "../open-data/open-data.repo.js";
import { listVisibleArticles } from "./public.repo.js";
import {
  findUnitPortalProfile,
  listLeaderDuties,
  saveLeaderDuties,
  saveUnitPortalProfile,
  type UnitPortalProfile,
} from "./unit-portal.repo.js";

/**
 * The unit page's portal part, as NĐ 42/2022 and NĐ 224/2026 ask a commune or ward to publish:
 * history, boundary, area and population, each leader's short biography and duties, its news, and
 * its open data; and the form where the unit's officers keep those texts current.
 */

export interface PortalLeader {
  personId: number;
  name: string;
  titles: string[];
  biography: string | null;
  duties: string | null;
}

export interface UnitPortal {
  unitId: number;
  profile: UnitPortalProfile;
  leaders: PortalLeader[];
  news: ArticleSummary[];
  /** Newest period with open data, or null. */
  openDataPeriod: string | null;
}

const NEWS_COUNT = 5;

/** One entry per person, titles in the order the unit page lists them. */
function leadersOf(detail: UnitDetail, duties: Map<number, string>): PortalLeader[] {
  const byPerson = new Map<number, PortalLeader>();
  for (const leader of detail.leaders) {
    const known = byPerson.get(leader.personId);
    if (known) {
      known.titles.push(`${leader.title} ${leader.organisation}`);
      continue;
    }
    byPerson.set(leader.personId, {
      personId: leader.personId,
      name: leader.name,
      titles: [`${leader.title} ${leader.organisation}`],
      biography: leader.biography,
      duties: duties.get(leader.personId) ?? null,
    });
  }
  return [...byPerson.values()];
}

/** Everything the portal part of a unit page shows, for the unit page's date (`detail.at`). */
export async function loadUnitPortal(db: Kysely<DB>, detail: UnitDetail, now: Date): Promise<UnitPortal> {
  const unitId = detail.unit.id;
  const [profile, duties, news, periods] = await Promise.all([
    findUnitPortalProfile(db, unitId),
    listLeaderDuties(
      db,
      unitId,
      detail.leaders.map((l) => l.personId),
    ),
    // Its own news and the news linked to it (a district article about the ward's working session).
    listVisibleArticles(
      db,
      { nowIso: now.toISOString(), aboutUnitIds: [unitId] },
      { limit: NEWS_COUNT, offset: 0 },
    ),
    listOpenDataPeriods(db, unitId),
  ]);
  return { unitId, profile, leaders: leadersOf(detail, duties), news, openDataPeriod: periods[0] ?? null };
}

export const PORTAL_LIMITS = { history: 20_000, boundary: 2_000, duties: 2_000 } as const;

/** Form fields, as typed. `duties` is keyed by person id. */
export interface UnitPortalInput {
  history: string;
  boundary: string;
  area: string;
  population: string;
  populationYear: string;
  duties: Record<string, string>;
}

function textOrNull(
  value: string,
  max: number,
  field: string,
  errors: Record<string, string>,
): string | null {
  const text = value.replace(/\r\n?/g, "\n").trim();
  if (text.length > max) errors[field] = `Không được dài quá ${formatViNumber(max)} ký tự.`;
  return text === "" ? null : text;
}

/** Validates the form; 422 with one Vietnamese message per field. */
export function parseUnitPortalInput(
  input: UnitPortalInput,
  leaderIds: number[],
): { profile: UnitPortalProfile; duties: Map<number, string | null> } {
  const errors: Record<string, string> = {};
  const number = (raw: string, field: string, check: (n: number) => string | null): number | null => {
    if (raw.trim() === "") return null;
    const parsed = parseViNumber(raw);
    if (!parsed.ok || parsed.unit !== "none") {
      errors[field] = parsed.ok ? "Chỉ nhập số, không kèm đơn vị." : parsed.message;
      return null;
    }
    const problem = check(parsed.value);
    if (problem) errors[field] = problem;
    return parsed.value;
  };
  const profile: UnitPortalProfile = {
    history: textOrNull(input.history, PORTAL_LIMITS.history, "history", errors),
    boundary: textOrNull(input.boundary, PORTAL_LIMITS.boundary, "boundary", errors),
    areaKm2: number(input.area, "area", (n) => (n > 0 ? null : "Diện tích phải lớn hơn 0.")),
    population: number(input.population, "population", (n) =>
      Number.isInteger(n) && n >= 0 ? null : "Dân số phải là số nguyên không âm.",
    ),
    populationYear: number(input.populationYear, "populationYear", (n) =>
      Number.isInteger(n) && n >= 1945 && n <= 2200 ? null : "Năm không hợp lệ (ví dụ 2024).",
    ),
  };
  if (profile.population !== null && profile.populationYear === null && !errors.population)
    errors.populationYear = "Vui lòng nhập năm của số liệu dân số.";
  const duties = new Map<number, string | null>();
  for (const id of leaderIds) {
    duties.set(id, textOrNull(input.duties[String(id)] ?? "", PORTAL_LIMITS.duties, `duties-${id}`, errors));
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { profile, duties };
}

/** The unit's leaders today (or on its last day), for the form. 404 / 403 like the unit profile. */
export async function loadUnitPortalForEdit(
  db: Kysely<DB>,
  actor: Actor | null,
  unitId: number,
  today: string,
  now: Date,
): Promise<{ detail: UnitDetail; portal: UnitPortal }> {
  await authorizeUnitEdit(db, actor, unitId, today);
  const detail = await getUnitDetail(db, unitId, { today });
  return { detail, portal: await loadUnitPortal(db, detail, now) };
}

/**
 * Saves the portal texts and the duties of the unit's current leaders, with one audit event
 * (before → after), in one transaction. Checks: unit exists (404), `unit.update` (403), input (422).
 */
export async function updateUnitPortal(
  db: Kysely<DB>,
  request: {
    actor: Actor | null;
    unitId: number;
    input: UnitPortalInput;
    today: string;
    now: Date;
    ip: string | null;
  },
): Promise<void> {
  const { detail, portal } = await loadUnitPortalForEdit(
    db,
    request.actor,
    request.unitId,
    request.today,
    request.now,
  );
  const { profile, duties } = parseUnitPortalInput(
    request.input,
    portal.leaders.map((l) => l.personId),
  );
  const before = {
    ...portal.profile,
    duties: Object.fromEntries(portal.leaders.map((l) => [l.personId, l.duties])),
  };
  const after = { ...profile, duties: Object.fromEntries(duties) };
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await db.transaction().execute(async (trx) => {
    await saveUnitPortalProfile(trx, detail.unit.id, profile, request.now);
    for (const [personId, text] of duties)
      await saveLeaderDuties(trx, { unitId: detail.unit.id, personId, duties: text, now: request.now });
    await recordAudit(trx, {
      actor: request.actor,
      action: "update",
      entityType: "unit_portal",
      entityId: detail.unit.id,
      unitId: detail.unit.id,
      before,
      after,
      ip: request.ip,
      at: request.now,
    });
  });
}
