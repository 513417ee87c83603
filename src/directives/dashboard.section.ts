/**
 * The dashboard's cards of the directives room: my late and soon-due directives, extension requests to
 * decide, proposals to answer, unread notifications.
 */
import type { DashboardCard } from "../accounts/dashboard.extension.js";
import { canAnywhere } from "../core/access/policy.js";
import { DIRECTIVES_HREF } from "./directives.views.js";
import { extensionsToDecideIds, mayDecideExtensions } from "./extensions/extensions.service.js";
import { mayHaveDirectives, myDirectiveIds } from "./my-directives.service.js";
import {
  countProposalsToAnswer,
  mayAnswerProposals,
  PROPOSALS_TO_ANSWER_HREF,
} from "./proposals/proposals-to-answer.service.js";
import { UNREAD_NOTIFICATIONS_HREF } from "./reminders/notifications.routes.js";
import { countUnreadNotifications } from "./reminders/reminders.repo.js";

export const overdueDirectivesCard: DashboardCard = {
  key: "directives.overdue",
  label: "Nhiệm vụ của tôi quá hạn",
  href: `${DIRECTIVES_HREF}?cua_toi=1&tien_do=overdue`,
  applies: mayHaveDirectives,
  count: async (ctx, db) => (await myDirectiveIds(db, ctx, { timeliness: "overdue" })).length,
};

export const dueSoonDirectivesCard: DashboardCard = {
  key: "directives.dueSoon",
  label: "Nhiệm vụ của tôi đến hạn trong 7 ngày",
  href: `${DIRECTIVES_HREF}?cua_toi=1&tien_do=due_soon`,
  applies: mayHaveDirectives,
  count: async (ctx, db) => (await myDirectiveIds(db, ctx, { timeliness: "due_soon" })).length,
};

export const extensionRequestsCard: DashboardCard = {
  key: "directives.extensionRequests",
  label: "Đề nghị gia hạn chờ duyệt",
  href: `${DIRECTIVES_HREF}?gia_han=cho_duyet`,
  applies: mayDecideExtensions,
  count: async (ctx, db) => (await extensionsToDecideIds(db, ctx)).length,
};

export const proposalsToAnswerCard: DashboardCard = {
  key: "proposals.toAnswer",
  label: "Kiến nghị tôi phải trả lời",
  href: PROPOSALS_TO_ANSWER_HREF,
  applies: mayAnswerProposals,
  count: (ctx, db) => countProposalsToAnswer(db, ctx),
};

export const unreadNotificationsCard: DashboardCard = {
  key: "notifications.unread",
  label: "Thông báo chưa đọc",
  href: UNREAD_NOTIFICATIONS_HREF,
  // Everyone who enters the admin area has the notifications page.
  applies: (ctx) => canAnywhere(ctx.actor, "admin.enter", ctx.today),
  count: (ctx, db) => countUnreadNotifications(db, ctx.actor.userId),
};
