/** The feedback room's cards on the personal dashboard (accounts/dashboard.extension.ts). */

import type { DashboardCard } from "../accounts/dashboard.extension.js";
import { canAnywhere } from "../core/access/policy.js";
import { countQueue } from "./feedback-queue.service.js";

/** Feedback of my wards waiting for an answer: the rows of `/quan-tri/phan-anh?cho_tra_loi=1`. */
export const feedbackWaitingCard: DashboardCard = {
  key: "feedback.waiting",
  label: "Phản ánh của người dân chờ trả lời",
  href: "/quan-tri/phan-anh?cho_tra_loi=1",
  applies: (ctx) => canAnywhere(ctx.actor, "feedback.handle", ctx.today),
  count: (ctx, db) => countQueue(db, { waiting: true }, ctx),
};

/** Of those, the ones past their answer deadline: the rows of `/quan-tri/phan-anh?qua_han=1`. */
export const feedbackOverdueCard: DashboardCard = {
  key: "feedback.overdue",
  label: "Phản ánh quá hạn trả lời",
  href: "/quan-tri/phan-anh?qua_han=1",
  applies: (ctx) => canAnywhere(ctx.actor, "feedback.handle", ctx.today),
  count: (ctx, db) => countQueue(db, { overdueOn: ctx.today }, ctx),
};
