/** The dashboard card of the hand-over room: items of units that no longer exist waiting for my decision. */
import type { DashboardCard } from "../accounts/dashboard.extension.js";
import { canAnywhere } from "../core/access/policy.js";
import { countWaitingHandovers } from "./handover-queue.service.js";
import { HANDOVERS_HREF } from "./handovers.views.js";

export const handoversWaitingCard: DashboardCard = {
  key: "handovers.waiting",
  label: "Công việc chờ bàn giao",
  // The page without a unit lists exactly the items counted: those the person may decide on.
  href: HANDOVERS_HREF,
  applies: (ctx) => canAnywhere(ctx.actor, "handover.decide", ctx.today),
  count: (ctx, db) => countWaitingHandovers(db, ctx),
};
