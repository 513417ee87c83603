import type { Actor } from "../access/policy.js";
import type { AppContext } from "../app-context.js";

/** Who is making the request, resolved once by the auth middleware. */
export interface RequestAuth {
  actor: Actor | null;
  /** How the caller proved who they are: a session cookie needs CSRF checks, a bearer token does not. */
  via: "session" | "token" | null;
  sessionId: string | null;
  /** The token forms must echo back (`_csrf` field or `X-CSRF-Token` header). */
  csrfToken: string;
}

export interface AppEnv {
  Variables: {
    ctx: AppContext;
    auth: RequestAuth;
    /**
     * The counts beside the admin menu's entries (by entry href), for signed-in admin pages: set by
     * the composition root's menu-count middleware, computed only when a page draws the menu.
     */
    menuCounts?: () => Promise<ReadonlyMap<string, number>>;
  };
}
