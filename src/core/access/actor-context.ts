import type { Hierarchy } from "./hierarchy.rules.js";
import type { Actor } from "./policy.js";

/**
 * Who acts, and the facts every use case needs to decide and record it: the one context that routes,
 * jobs and the demo loader pass to every room's services.
 * `A` is `Actor` for a signed-in person; services that the demo loader or the command line also run
 * (emulation's) take `ActorContext<Actor | null>`, null meaning whoever operates the server.
 */
export interface ActorContext<A extends Actor | null = Actor> {
  actor: A;
  /** The unit tree, read once per request: every permission check walks it. */
  hierarchy: Hierarchy;
  /** `YYYY-MM-DD` in Vietnam, for grant validity and what is current. */
  today: string;
  now: Date;
  /** The caller's address for the audit log; null outside a request. */
  ip: string | null;
}
