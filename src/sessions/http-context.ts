import { type AppCtx, clientIp, hierarchyOf, requireActor, todayOf } from "../core/http/request.js";
import type { ActContext } from "../directives/directives.service.js";

/** The signed-in actor with the hierarchy, today's date and the clock: what every use case takes. */
export async function actContext(c: AppCtx): Promise<ActContext> {
  const actor = requireActor(c);
  return { actor, hierarchy: await hierarchyOf(c), today: todayOf(c), now: c.var.ctx.now(), ip: clientIp(c) };
}
