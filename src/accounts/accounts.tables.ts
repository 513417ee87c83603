import type { Generated } from "kysely";

/**
 * Table types of the accounts room (users, grants, sign-in sessions, API tokens, login attempts), added to the app-wide `DB`.
 */

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  /** The grant covers this unit and its descendants (at the date of the action). */
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
  /** The throttle limit that refused the attempt before the password was checked; null: checked. */
  refused_by: string | null;
}

export interface AccountsTables {
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
}

declare module "../core/db/schema.js" {
  interface DB extends AccountsTables {}
}
