import type { DashboardCard } from "../../accounts/dashboard.extension.js";
import { canAnywhere } from "../../core/access/policy.js";
import { countAwaitingApproval } from "./approval-queue.service.js";

/** The dashboard's card of figures waiting for my approval: the rows of the approval queue. */
export const approvalsCard: DashboardCard = {
  key: "targets.approvals",
  label: "Số liệu chờ tôi phê duyệt",
  href: "/quan-tri/phe-duyet",
  applies: (ctx) => canAnywhere(ctx.actor, "result.approve", ctx.today),
  count: (ctx, db) => countAwaitingApproval(db, ctx),
};
