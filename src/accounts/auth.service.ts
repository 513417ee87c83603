import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Actor } from "../core/access/policy.js";
import { recordAudit } from "../core/audit/audit.repo.js";
import type { DB } from "../core/db/schema.js";
import { NotFoundError, TooManyRequestsError, ValidationError } from "../core/http/errors.js";
import { insertLoginAttempt, loadAttemptStats, settleLoginAttempt } from "./login-attempts.repo.js";
import {
  ADDRESS_WINDOW_MS,
  decideLoginAttempt,
  PAIR_WINDOW_MS,
  throttleMessage,
  USERNAME_WINDOW_MS,
} from "./login-throttle.rules.js";
import { decoyPasswordHash, verifyPassword } from "./password.js";
import { deleteSession, findLiveSession, insertSession, touchSession } from "./sessions.repo.js";
import { findUserIdByTokenHash, insertApiToken } from "./tokens.repo.js";
import { findUserById, findUserByUsername, listGrantsOfUser } from "./users.repo.js";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, not on every request. */
const SESSION_TOUCH_MS = 5 * 60 * 1000;
export const API_TOKEN_PREFIX = "gb_";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.disabled) return null;
  const grants = await listGrantsOfUser(db, userId);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: grants.map(({ role, unitId, validFrom, validTo }) => ({ role, unitId, validFrom, validTo })),
  };
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** Usernames this browser holds a valid known-device mark for (known-device.ts). */
  knownUsernames: readonly string[];
  now: Date;
}

/**
 * Checks the password (throttled: login-throttle.rules.ts), opens a session and returns the cookie
 * value. The same message for an unknown user and a wrong password, so accounts cannot be probed.
 * Every attempt is logged in login_attempts, the refused ones included.
 */
export async function logIn(
  db: Kysely<DB>,
  input: LoginInput,
): Promise<{ cookieValue: string; actor: Actor }> {
  const username = input.username.trim().toLowerCase();
  const ago = (ms: number) => new Date(input.now.getTime() - ms);
  // Logged as a failure first and settled below (login-attempts.repo.ts says why).
  const attemptId = await insertLoginAttempt(db, { username, ip: input.ip, at: input.now, success: false });
  const stats = await loadAttemptStats(db, {
    username,
    ip: input.ip,
    beforeId: attemptId,
    pairSince: ago(PAIR_WINDOW_MS),
    addressSince: ago(ADDRESS_WINDOW_MS),
    usernameSince: ago(USERNAME_WINDOW_MS),
  });
  const decision = decideLoginAttempt(stats, input.knownUsernames.includes(username), input.now);
  if (!decision.allowed) {
    await settleLoginAttempt(db, attemptId, { refusedBy: decision.limit });
    throw new TooManyRequestsError(throttleMessage(decision.retryAfterSeconds), decision.retryAfterSeconds);
  }

  const user = await findUserByUsername(db, username);
  const ok =
    user && !user.disabled
      ? await verifyPassword(user.passwordHash, input.password)
      : await decoyFails(input.password);
  if (!user || !ok) {
    throw new ValidationError(
      { password: "Tên đăng nhập hoặc mật khẩu không đúng." },
      "Đăng nhập không thành công.",
    );
  }
  const actor = await loadActor(db, user.id);
  if (!actor) throw new ValidationError({ username: "Tài khoản đã bị khóa." }, "Đăng nhập không thành công.");

  const cookieValue = randomToken();
  await db.transaction().execute(async (trx) => {
    await settleLoginAttempt(trx, attemptId, { success: true });
    await insertSession(trx, {
      id: sha256(cookieValue),
      userId: user.id,
      csrfToken: randomToken(),
      now: input.now,
      expiresAt: new Date(input.now.getTime() + SESSION_TTL_MS),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip,
    });
    await recordAudit(trx, {
      actor,
      action: "login",
      entityType: "user",
      entityId: user.id,
      unitId: null,
      ip: input.ip,
      at: input.now,
    });
  });
  return { cookieValue, actor };
}

async function decoyFails(password: string): Promise<false> {
  await verifyPassword(await decoyPasswordHash(), password);
  return false;
}

export async function logOut(
  db: Kysely<DB>,
  sessionId: string,
  actor: Actor | null,
  ip: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    if (actor)
      await recordAudit(trx, {
        actor,
        action: "logout",
        entityType: "user",
        entityId: actor.userId,
        unitId: null,
        ip,
        at: now,
      });
  });
}

/** The session behind a cookie value, with its actor; slides the expiry when due. */
export async function resolveSession(
  db: Kysely<DB>,
  cookieValue: string,
  now: Date,
): Promise<{ sessionId: string; csrfToken: string; actor: Actor } | null> {
  const session = await findLiveSession(db, sha256(cookieValue), now);
  if (!session) return null;
  const actor = await loadActor(db, session.userId);
  if (!actor) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) > SESSION_TOUCH_MS) {
    await touchSession(db, session.id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return { sessionId: session.id, csrfToken: session.csrfToken, actor };
}

/** The actor behind a bearer token, or null. */
export async function resolveApiToken(db: Kysely<DB>, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const found = await findUserIdByTokenHash(db, sha256(token));
  return found ? loadActor(db, found.userId) : null;
}

/** Creates an API token for a user; the token itself is shown once and only its hash is kept. */
export async function createApiToken(
  db: Kysely<DB>,
  input: { username: string; name: string; actor: Actor | null; now: Date },
): Promise<{ token: string; tokenId: number }> {
  const user = await findUserByUsername(db, input.username);
  if (!user) throw new NotFoundError(`Không có người dùng "${input.username}".`);
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const tokenId = await db.transaction().execute(async (trx) => {
    const id = await insertApiToken(trx, {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(token),
      now: input.now,
    });
    await recordAudit(trx, {
      actor: input.actor,
      action: "create",
      entityType: "api_token",
      entityId: id,
      unitId: null,
      after: { userId: user.id, username: user.username, name: input.name },
      at: input.now,
    });
    return id;
  });
  return { token, tokenId };
}
