import type { Kysely } from "kysely";
import { findUserByUsername } from "../../accounts/users.repo.js";
import type { ActorContext } from "../../core/access/actor-context.js";
import { type Actor, authorize } from "../../core/access/policy.js";
import { recordAudit } from "../../core/audit/audit.repo.js";
import { isUniqueViolation } from "../../core/db/dialect.js";
import type { DB } from "../../core/db/schema.js";
import { ConflictError, ValidationError } from "../../core/http/errors.js";
import { auditBase, unitTarget } from "../emulation-access.rules.js";
import { insertDepartmentStaff, listDepartments } from "./assessments.repo.js";

/**
 * Records that a user works for a department, so that as a department officer they assess the units
 * in its field and review the emulation criteria of its field. Roles are granted on units, not on
 * departments: this link is what tells Phòng Y tế's officer from Phòng Tài chính's. Needs user.manage
 * on the department's unit.
 */
export async function assignDepartmentStaff(
  db: Kysely<DB>,
  ctx: ActorContext<Actor | null>,
  input: { username: string; organisationId: number },
): Promise<number> {
  const [department] = await listDepartments(db, [input.organisationId], ctx.today);
  const user = input.username.trim() ? await findUserByUsername(db, input.username.trim()) : undefined;
  const errors: Record<string, string> = {};
  if (!department) errors.organisationId = "Vui lòng chọn phòng, ban.";
  if (!user) errors.username = "Không có người dùng với tên đăng nhập này.";
  if (!department || !user) throw new ValidationError(errors);
  if (ctx.actor) authorize(ctx.actor, "user.manage", unitTarget(ctx, department.unitId), ctx.today);
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertDepartmentStaff(trx, {
        userId: user.id,
        organisationId: department.id,
        now: ctx.now,
      });
      await recordAudit(trx, {
        ...auditBase(ctx, department.unitId),
        action: "create",
        entityType: "department_staff",
        entityId: id,
        after: { username: user.username, organisationId: department.id, organisation: department.name },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("Người dùng đã thuộc phòng, ban này.", {
        username: "Người dùng đã thuộc phòng, ban này.",
      });
    }
    throw error;
  }
}
