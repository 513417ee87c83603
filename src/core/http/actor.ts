import type { ActorContext } from "../access/actor-context.js";
import type { Actor } from "../access/policy.js";
import { type AppCtx, clientIp, hierarchyOf, requireActor, todayOf } from "./request.js";

/** The signed-in actor of a request with the facts every use case takes (401 when anonymous). */
export async function actorOf(c: AppCtx): Promise<ActorContext> {
  const actor = requireActor(c);
  return { actor, hierarchy: await hierarchyOf(c), today: todayOf(c), now: c.var.ctx.now(), ip: clientIp(c) };
}

/** The same for routes that anonymous readers may also call: `actor` is null for them. */
export async function actorOrAnonymousOf(c: AppCtx): Promise<ActorContext<Actor | null>> {
  return {
    actor: c.var.auth.actor,
    hierarchy: await hierarchyOf(c),
    today: todayOf(c),
    now: c.var.ctx.now(),
    ip: clientIp(c),
  };
}
