import type { Kysely } from "kysely";
import type { ActorContext } from "../core/access/actor-context.js";
import { type Actor, can, isSystemAdmin } from "../core/access/policy.js";
import { isRole, ROLE_LABELS } from "../core/access/roles.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import { isUniqueViolation } from "../core/db/dialect.js";
import type { DB } from "../core/db/schema.js";
import { isIsoDate } from "../core/format/vi-date.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password.js";
import { passwordProblem } from "./password-strength.js";
import { deleteSessionsOfUser } from "./sessions.repo.js";
import { findUserById, insertGrant, insertUser, listGrantsOfUser, updatePasswordHash } from "./users.repo.js";

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  role: string;
  unitId: number;
  validFrom: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/** Field errors for a new user, in Vietnamese; empty when valid. */
export function validateNewUser(input: NewUserInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!USERNAME.test(input.username.toLowerCase())) {
    errors.username = "Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.";
  }
  if (!input.displayName.trim()) errors.displayName = "Vui lòng nhập họ tên hoặc tên hiển thị.";
  if (input.password.length < MIN_PASSWORD_LENGTH)
    errors.password = `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    errors.email = "Địa chỉ thư điện tử không hợp lệ.";
  if (!isRole(input.role)) errors.role = "Vai trò không hợp lệ.";
  if (!Number.isInteger(input.unitId) || input.unitId <= 0) errors.unitId = "Vui lòng chọn đơn vị.";
  if (!isIsoDate(input.validFrom)) errors.validFrom = "Ngày hiệu lực không hợp lệ.";
  return errors;
}

/**
 * Creates a user with a first role grant. A system admin may grant anything; a unit admin may grant
 * roles other than system admin on units under their own grant. `actor` null means the command line
 * run by whoever operates the server.
 */
export async function createUserWithGrant(
  db: Kysely<DB>,
  input: NewUserInput,
  context: ActorContext<Actor | null>,
): Promise<number> {
  const errors = validateNewUser(input);
  if (!errors.password) {
    const problem = await passwordProblem(input.password, [input.username, input.displayName, input.email]);
    if (problem) errors.password = problem;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (context.actor) {
    const granting = input.role === "system_admin" && !isSystemAdmin(context.actor, context.today);
    const target = { unitPath: context.hierarchy.pathForToday(input.unitId, context.today) };
    if (granting || !can(context.actor, "user.manage", target, context.today)) {
      throw new ForbiddenError(
        `Bạn không có quyền cấp vai trò "${ROLE_LABELS[input.role as keyof typeof ROLE_LABELS] ?? input.role}" tại đơn vị này.`,
      );
    }
  }
  if (!context.hierarchy.unit(input.unitId)) throw new ValidationError({ unitId: "Đơn vị không tồn tại." });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const userId = await insertUser(trx, {
        username: input.username,
        displayName: input.displayName.trim(),
        email: input.email || null,
        passwordHash,
        now: context.now,
      });
      const grant = {
        userId,
        role: input.role,
        unitId: input.unitId,
        validFrom: input.validFrom,
        validTo: null,
        now: context.now,
      };
      const grantId = await insertGrant(trx, grant);
      const common = { actor: context.actor, unitId: input.unitId, at: context.now, ip: context.ip ?? null };
      await recordAudit(trx, {
        ...common,
        action: "create",
        entityType: "user",
        entityId: userId,
        after: {
          username: input.username.toLowerCase(),
          displayName: input.displayName.trim(),
          email: input.email || null,
        },
      });
      await recordAudit(trx, {
        ...common,
        action: "create",
        entityType: "role_grant",
        entityId: grantId,
        after: { userId, role: input.role, unitId: input.unitId, validFrom: input.validFrom },
      });
      return userId;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError("Tên đăng nhập đã có người dùng.", {
        username: "Tên đăng nhập đã có người dùng.",
      });
    throw error;
  }
}

/**
 * Changes one's own password after checking the current one, and ends the user's other sessions
 * (`currentSessionId` stays): whoever else was signed in, perhaps the reason for the change, is out.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  actor: Actor,
  input: { current: string; next: string; confirm: string },
  now: Date,
  currentSessionId: string | null,
): Promise<void> {
  const errors: Record<string, string> = {};
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.current)))
    errors.current = "Mật khẩu hiện tại không đúng.";
  const problem = await passwordProblem(input.next, [user?.username, user?.displayName, user?.email]);
  if (problem) errors.next = problem.replace("Mật khẩu", "Mật khẩu mới");
  else if (input.next !== input.confirm) errors.confirm = "Mật khẩu nhập lại không khớp.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const passwordHash = await hashPassword(input.next);
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.userId, passwordHash, now);
    await deleteSessionsOfUser(trx, actor.userId, currentSessionId);
    // The hash itself is never written to the audit log.
    await recordAudit(trx, {
      actor,
      action: "password_change",
      entityType: "user",
      entityId: actor.userId,
      unitId: null,
      at: now,
    });
  });
}

/**
 * An administrator sets a new password for someone who forgot theirs, and every session of that user
 * ends. Allowed to whoever may manage users on every unit where the user holds a role (a unit admin
 * cannot take over an account that also works elsewhere); a system admin's account, or one without
 * any role, only to a system admin.
 */
export async function resetUserPassword(
  db: Kysely<DB>,
  input: { userId: number; password: string },
  context: ActorContext,
): Promise<void> {
  const user = await findUserById(db, input.userId);
  if (!user) throw new NotFoundError("Không có người dùng này.");
  const grants = await listGrantsOfUser(db, user.id);
  const allowed = isSystemAdmin(context.actor, context.today)
    ? true
    : grants.length > 0 &&
      grants.every(
        (g) =>
          g.role !== "system_admin" &&
          can(
            context.actor,
            "user.manage",
            { unitPath: context.hierarchy.pathForToday(g.unitId, context.today) },
            context.today,
          ),
      );
  if (!allowed) throw new ForbiddenError("Bạn không có quyền đặt lại mật khẩu của người dùng này.");
  const problem = await passwordProblem(input.password, [user.username, user.displayName, user.email]);
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, passwordHash, context.now);
    await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, {
      actor: context.actor,
      action: "password_reset",
      entityType: "user",
      entityId: user.id,
      unitId: null,
      at: context.now,
      ip: context.ip ?? null,
    });
  });
}
