/**
 * SQL of the hand-over: the succession links and the units they join, the candidate items of units
 * (open directives, proposals, programme entries, targets), the decisions already taken, and the
 * moves of proposals, programme entries and targets (directives move through the directives room's
 * repository). Reads take no caller scope: the service decides who may see and decide what.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { bumpEpochs } from "../targets/outcomes/ranking-outcomes.repo.js";
import type { HandoverKind } from "./handovers.model.js";
import type { SuccessionLink, UnitFacts } from "./handovers.rules.js";

/** Every succession link, and every unit on either end of one. */
export async function loadSuccessions(
  db: Kysely<DB>,
): Promise<{ links: SuccessionLink[]; units: Map<number, UnitFacts> }> {
  const rows = await db
    .selectFrom("unit_successions")
    .select(["from_unit_id", "to_unit_id", "population_share", "legal_basis"])
    .orderBy("id")
    .execute();
  const ids = [...new Set(rows.flatMap((r) => [r.from_unit_id, r.to_unit_id]))];
  const units = new Map<number, UnitFacts>();
  if (ids.length > 0) {
    const unitRows = await db
      .selectFrom("units")
      .select(["id", "name", "level", "valid_to"])
      .where("id", "in", ids)
      .execute();
    for (const u of unitRows)
      units.set(u.id, { unitId: u.id, name: u.name, level: u.level, validTo: u.valid_to });
  }
  return {
    links: rows.map((r) => ({
      fromUnitId: r.from_unit_id,
      toUnitId: r.to_unit_id,
      populationShare: r.population_share,
      legalBasis: r.legal_basis,
    })),
    units,
  };
}

/**
 * An item that may wait for hand-over, before the rules decide whether it does: `unitIds` are the
 * units it belongs to (a programme entry has an owner and a host), `open` whether its own record is
 * unfinished, `periodEnd` and `year` what the rules compare with the unit's last day.
 */
export interface CandidateItem {
  kind: HandoverKind;
  id: number;
  title: string;
  unitIds: number[];
  open: boolean;
  /** Targets: the last day of the period. */
  periodEnd: string | null;
  /** Programme entries: the programme's year. */
  year: number | null;
}

export type CandidateFilter = { unitIds: number[] } | { ids: Partial<Record<HandoverKind, number[]>> };

function byIdsOrUnits(
  filter: CandidateFilter,
  kind: HandoverKind,
): { ids?: number[]; units?: number[] } | null {
  if ("unitIds" in filter) return filter.unitIds.length === 0 ? null : { units: filter.unitIds };
  const ids = filter.ids[kind];
  return ids && ids.length > 0 ? { ids } : null;
}

/** Directives, proposals, programme entries and targets of the given units (or with the given ids). */
export async function listCandidateItems(db: Kysely<DB>, filter: CandidateFilter): Promise<CandidateItem[]> {
  const out: CandidateItem[] = [];
  const directives = byIdsOrUnits(filter, "directive");
  if (directives) {
    let q = db.selectFrom("directives").select(["id", "title", "lead_unit_id", "state"]);
    q = directives.ids
      ? q.where("id", "in", directives.ids)
      : q.where("lead_unit_id", "in", directives.units ?? []);
    for (const r of await q.orderBy("id").execute())
      out.push({
        kind: "directive",
        id: r.id,
        title: r.title,
        unitIds: [r.lead_unit_id],
        open: r.state !== "confirmed" && r.state !== "cancelled",
        periodEnd: null,
        year: null,
      });
  }
  const proposals = byIdsOrUnits(filter, "proposal");
  if (proposals) {
    let q = db.selectFrom("proposals").select(["id", "topic", "from_unit_id", "status"]);
    q = proposals.ids
      ? q.where("id", "in", proposals.ids)
      : q.where("from_unit_id", "in", proposals.units ?? []);
    for (const r of await q.orderBy("id").execute())
      out.push({
        kind: "proposal",
        id: r.id,
        title: r.topic,
        unitIds: [r.from_unit_id],
        open: r.status !== "resolved",
        periodEnd: null,
        year: null,
      });
  }
  const programme = byIdsOrUnits(filter, "programme");
  if (programme) {
    let q = db.selectFrom("work_program_items as p").select([
      "p.id",
      "p.title",
      "p.owner_unit_id",
      "p.host_unit_id",
      "p.year",
      // An entry is done once a session was held under it.
      (eb) =>
        eb
          .exists(
            eb.selectFrom("working_sessions as s").select("s.id").whereRef("s.program_item_id", "=", "p.id"),
          )
          .as("held"),
    ]);
    q = programme.ids
      ? q.where("p.id", "in", programme.ids)
      : q.where((eb) =>
          eb.or([
            eb("p.owner_unit_id", "in", programme.units ?? []),
            eb("p.host_unit_id", "in", programme.units ?? []),
          ]),
        );
    for (const r of await q.orderBy("p.id").execute())
      out.push({
        kind: "programme",
        id: r.id,
        title: r.title,
        unitIds: r.host_unit_id === null ? [r.owner_unit_id] : [r.owner_unit_id, r.host_unit_id],
        open: !r.held,
        periodEnd: null,
        year: r.year,
      });
  }
  const targets = byIdsOrUnits(filter, "target");
  if (targets) {
    // One item per target (indicator, unit, period): its latest revision.
    let q = db
      .selectFrom("targets as t")
      .innerJoin("indicators as i", "i.id", "t.indicator_id")
      .select(["t.id", "t.unit_id", "t.period_key", "t.period_end", "i.name"])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("targets as later")
              .select("later.id")
              .whereRef("later.indicator_id", "=", "t.indicator_id")
              .whereRef("later.unit_id", "=", "t.unit_id")
              .whereRef("later.period_key", "=", "t.period_key")
              .whereRef("later.applies_to", "=", "t.applies_to")
              .whereRef("later.revision", ">", "t.revision"),
          ),
        ),
      );
    q = targets.ids ? q.where("t.id", "in", targets.ids) : q.where("t.unit_id", "in", targets.units ?? []);
    for (const r of await q.orderBy("t.id").execute())
      out.push({
        kind: "target",
        id: r.id,
        title: `${r.name} (${r.period_key})`,
        unitIds: [r.unit_id],
        open: true,
        periodEnd: r.period_end,
        year: null,
      });
  }
  return out;
}

/** "kind:id:fromUnitId" of every decision already taken on these items. */
export async function decidedKeys(
  db: Kysely<DB>,
  items: { kind: string; id: number }[],
): Promise<Set<string>> {
  const keys = new Set<string>();
  if (items.length === 0) return keys;
  const rows = await db
    .selectFrom("handover_decisions")
    .select(["item_kind", "item_id", "from_unit_id"])
    .where(
      "item_id",
      "in",
      items.map((i) => i.id),
    )
    .execute();
  for (const r of rows) keys.add(`${r.item_kind}:${r.item_id}:${r.from_unit_id}`);
  return keys;
}

export interface NewDecision {
  kind: HandoverKind;
  itemId: number;
  fromUnitId: number;
  action: string;
  toUnitId: number | null;
  newItemId: number | null;
  assigningUnitId: number | null;
  legalBasis: string;
  decidedBy: number | null;
  at: Date;
}

export async function insertDecision(db: Kysely<DB>, d: NewDecision): Promise<number> {
  const row = await db
    .insertInto("handover_decisions")
    .values({
      item_kind: d.kind,
      item_id: d.itemId,
      from_unit_id: d.fromUnitId,
      action: d.action,
      to_unit_id: d.toUnitId,
      new_item_id: d.newItemId,
      assigning_unit_id: d.assigningUnitId,
      legal_basis: d.legalBasis,
      decided_by: d.decidedBy,
      decided_at: d.at.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The proposal is now raised by the successor (the old unit's organisation does not go with it). */
export async function moveProposal(db: Kysely<DB>, id: number, toUnitId: number, now: Date): Promise<void> {
  await db
    .updateTable("proposals")
    .set({ from_unit_id: toUnitId, from_organisation_id: null, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** The entry's owner and host that were the old unit become the successor. */
export async function moveProgramItem(
  db: Kysely<DB>,
  id: number,
  fromUnitId: number,
  toUnitId: number,
): Promise<void> {
  await db
    .updateTable("work_program_items")
    .set({ owner_unit_id: toUnitId })
    .where("id", "=", id)
    .where("owner_unit_id", "=", fromUnitId)
    .execute();
  await db
    .updateTable("work_program_items")
    .set({ host_unit_id: toUnitId })
    .where("id", "=", id)
    .where("host_unit_id", "=", fromUnitId)
    .execute();
}

/** Every revision of the target (indicator, unit, period) of row `id` moves to the successor. */
export async function moveTarget(db: Kysely<DB>, id: number, toUnitId: number): Promise<void> {
  const t = await db
    .selectFrom("targets")
    .select(["indicator_id", "unit_id", "period_key", "applies_to"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("targets")
    .set({ unit_id: toUnitId })
    .where("indicator_id", "=", t.indicator_id)
    .where("unit_id", "=", t.unit_id)
    .where("period_key", "=", t.period_key)
    .where("applies_to", "=", t.applies_to)
    .execute();
  await bumpEpochs(db, [t.unit_id, toUnitId]);
}

/** Decisions taken, newest first, for the page's "đã bàn giao" list. */
export async function listRecentDecisions(db: Kysely<DB>, fromUnitIds: number[] | "all", limit: number) {
  let q = db
    .selectFrom("handover_decisions as d")
    .innerJoin("units as f", "f.id", "d.from_unit_id")
    .leftJoin("units as t", "t.id", "d.to_unit_id")
    .select([
      "d.id",
      "d.item_kind",
      "d.item_id",
      "d.action",
      "d.new_item_id",
      "d.legal_basis",
      "d.decided_at",
      "f.name as from_name",
      "f.level as from_level",
      "t.name as to_name",
      "t.level as to_level",
    ]);
  if (fromUnitIds !== "all") {
    if (fromUnitIds.length === 0) return [];
    q = q.where("d.from_unit_id", "in", fromUnitIds);
  }
  return q.orderBy("d.id", "desc").limit(limit).execute();
}
