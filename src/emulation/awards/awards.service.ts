import type { Kysely } from "kysely";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, authorize, grantedRoots } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../core/http/errors.js";
import { auditBase, unitTarget } from "../emulation-access.rules.js";
import { awardRulesForYear } from "./award-rule-sets.rules.js";
import { type AwardStatus, awardTitleLabel, isAwardTitle } from "./award-titles.model.js";
import {
  type AwardProposalRow,
  findAwardProposal,
  insertAwardProposal,
  listAwardProposals,
  updateAwardStatus,
} from "./awards.repo.js";

export interface AwardProposalInput {
  unitId: number;
  year: string;
  title: string;
  basis: string;
  proposingBody: string;
}

const YEAR = /^\d{4}$/;

/**
 * Proposes an award title for a unit and a year (award.propose: from a unit above). One proposal per
 * unit, year and title (409 otherwise).
 */
export async function proposeAward(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  input: AwardProposalInput,
): Promise<number> {
  const errors: Record<string, string> = {};
  if (!ctx.hierarchy.unit(input.unitId)) errors.unitId = "Đơn vị không tồn tại.";
  if (!YEAR.test(input.year)) errors.year = "Năm gồm 4 chữ số, ví dụ 2019.";
  if (!isAwardTitle(input.title)) errors.title = "Vui lòng chọn danh hiệu, hình thức khen thưởng.";
  else if (YEAR.test(input.year)) {
    // The title must exist under the law in force for the year proposed for.
    const rules = awardRulesForYear(input.year);
    if (!rules) errors.year = `Chưa có quy định khen thưởng được lưu cho năm ${input.year} (từ năm 2017).`;
    else if (!rules.titles.includes(input.title)) {
      errors.title = `Danh hiệu "${awardTitleLabel(input.title)}" chưa có theo ${rules.name}, áp dụng cho năm ${input.year}.`;
    }
  }
  if (!input.basis.trim() || input.basis.length > 4000)
    errors.basis = "Vui lòng nêu căn cứ, thành tích đề nghị (tối đa 4.000 ký tự).";
  if (!input.proposingBody.trim() || input.proposingBody.length > 300)
    errors.proposingBody = "Vui lòng nhập cơ quan đề nghị.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (ctx.actor) authorize(ctx.actor, "award.propose", unitTarget(ctx, input.unitId), ctx.today);
  const values = { ...input, basis: input.basis.trim(), proposingBody: input.proposingBody.trim() };
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertAwardProposal(trx, {
        ...values,
        userId: ctx.actor?.userId ?? null,
        now: ctx.now,
      });
      await recordAudit(trx, {
        ...auditBase(ctx, input.unitId),
        action: "create",
        entityType: "award_proposal",
        entityId: id,
        after: { ...values, status: "proposed" },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = `Đơn vị đã được đề nghị "${awardTitleLabel(input.title)}" năm ${input.year}.`;
      throw new ConflictError(message, { title: message });
    }
    throw error;
  }
}

/** Records the outcome of a proposal (approved, not approved, withdrawn); only a pending proposal changes. */
export async function setAwardStatus(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  id: number,
  status: AwardStatus,
): Promise<void> {
  const proposal = await findAwardProposal(db, id);
  if (!proposal) throw new NotFoundError("Không tìm thấy đề nghị khen thưởng.");
  if (ctx.actor) authorize(ctx.actor, "award.propose", unitTarget(ctx, proposal.unitId), ctx.today);
  if (proposal.status !== "proposed")
    throw new ConflictError("Đề nghị này đã có kết quả, không thay đổi được nữa.");
  if (status === "proposed") return;
  await db.transaction().execute(async (trx) => {
    await updateAwardStatus(trx, id, status, ctx.now);
    await recordAudit(trx, {
      ...auditBase(ctx, proposal.unitId),
      action: "update",
      entityType: "award_proposal",
      entityId: id,
      before: { status: proposal.status },
      after: { status },
    });
  });
}

/**
 * The proposals of a year the actor may see: on the units under their grants for reading results or
 * proposing awards (all of them for a system admin, or when called without an actor).
 */
export async function listVisibleAwardProposals(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  year: string,
): Promise<AwardProposalRow[]> {
  if (!YEAR.test(year)) throw new ValidationError({ year: "Năm gồm 4 chữ số, ví dụ 2019." });
  if (!ctx.actor) return listAwardProposals(db, year, null);
  const roots = [
    grantedRoots(ctx.actor, "result.read", ctx.today),
    grantedRoots(ctx.actor, "award.propose", ctx.today),
  ];
  if (roots.includes("all")) return listAwardProposals(db, year, null);
  const ids = [...new Set(roots.flatMap((r) => (r === "all" ? [] : r)))];
  if (ids.length === 0) throw new ForbiddenError();
  return listAwardProposals(db, year, ctx.hierarchy.unitIdsUnder(ids, ctx.today));
}
