import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";

export interface AwardProposalRow {
  id: number;
  unitId: number;
  unitName: string;
  year: string;
  title: string;
  basis: string;
  status: string;
  proposingBody: string;
  createdAt: string;
  updatedAt: string;
}

function proposalQuery(db: Kysely<DB>) {
  return db
    .selectFrom("award_proposals as p")
    .innerJoin("units as u", "u.id", "p.unit_id")
    .select([
      "p.id",
      "p.unit_id",
      "u.name as unit_name",
      "p.year",
      "p.title",
      "p.basis",
      "p.status",
      "p.proposing_body",
      "p.created_at",
      "p.updated_at",
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof proposalQuery>["execute"]>>[number];

const toRow = (r: Raw): AwardProposalRow => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  year: r.year,
  title: r.title,
  basis: r.basis,
  status: r.status,
  proposingBody: r.proposing_body,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Proposals of a year for the given units (all when null), by unit then title. */
export async function listAwardProposals(
  db: Kysely<DB>,
  year: string,
  unitIds: number[] | null,
): Promise<AwardProposalRow[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  let query = proposalQuery(db).where("p.year", "=", year);
  if (unitIds !== null) query = query.where("p.unit_id", "in", unitIds);
  return (await query.orderBy("u.name").orderBy("p.id").execute()).map(toRow);
}

export async function findAwardProposal(db: Kysely<DB>, id: number): Promise<AwardProposalRow | undefined> {
  const row = await proposalQuery(db).where("p.id", "=", id).executeTakeFirst();
  return row && toRow(row);
}

export async function insertAwardProposal(
  db: Kysely<DB>,
  input: {
    unitId: number;
    year: string;
    title: string;
    basis: string;
    proposingBody: string;
    userId: number | null;
    now: Date;
  },
): Promise<number> {
  const at = input.now.toISOString();
  const row = await db
    .insertInto("award_proposals")
    .values({
      unit_id: input.unitId,
      year: input.year,
      title: input.title,
      basis: input.basis,
      status: "proposed",
      proposing_body: input.proposingBody,
      proposed_by: input.userId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAwardStatus(
  db: Kysely<DB>,
  id: number,
  status: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("award_proposals")
    .set({ status, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}
