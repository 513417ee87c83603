/**
 * The daily reminder of citizens' feedback: when an open feedback's answer deadline is two working
 * days away or less, and once when it has passed, one e-mail to the officers of its ward who may
 * handle it. Sent once per (feedback, kind, deadline): the ledger row is claimed before the mail goes,
 * so another process or a second run finds it and does nothing (a missed mail is preferred to a
 * duplicate). In-app, the dashboard cards and the menu count show the same work every day. The same
 * job deletes the senders' names and contacts once the retention the consent notice states has passed.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { DB } from "../core/db/schema.js";
import { formatDateVi, vnDateString } from "../core/format/vi-date.js";
import type { JobDefinition } from "../core/jobs/scheduler.js";
import { reminderFor } from "./answer-deadline.rules.js";
import { RETENTION_YEARS } from "./consent-notice.views.js";
import {
  claimFeedbackReminder,
  forgetSenders,
  listOpenFeedbacks,
  wardHandlerEmails,
} from "./feedback-reminders.repo.js";

/** Anything that sends one message (the composition root passes the directives room's SMTP mailer). */
export interface FeedbackMailer {
  sendMail(message: { from: string; to: string[]; subject: string; text: string }): Promise<unknown>;
}

export interface FeedbackReminderDeps {
  mailer: FeedbackMailer | null;
  from: string;
  baseUrl: URL;
  logger?: Pick<Logger, "warn" | "info">;
}

/** One pass at `now`; returns how many reminders it recorded. Safe to run any number of times. */
export async function runFeedbackReminders(
  db: Kysely<DB>,
  now: Date,
  deps: FeedbackReminderDeps,
): Promise<number> {
  const today = vnDateString(now);
  let sent = 0;
  for (const f of await listOpenFeedbacks(db)) {
    const kind = reminderFor(today, f.answerDue);
    if (!kind) continue;
    const to = await wardHandlerEmails(db, f.unitId, today);
    if (
      !(await claimFeedbackReminder(db, {
        feedbackId: f.id,
        kind,
        dueOn: f.answerDue,
        now,
        recipients: to.length,
      }))
    )
      continue;
    sent += 1;
    if (!deps.mailer || to.length === 0) continue;
    const subject =
      kind === "overdue"
        ? `Phản ánh ${f.code} đã quá hạn trả lời (hạn ${formatDateVi(f.answerDue)})`
        : `Phản ánh ${f.code} sắp đến hạn trả lời (${formatDateVi(f.answerDue)})`;
    const link = new URL(`/quan-tri/phan-anh/${f.code}`, deps.baseUrl).toString();
    const text = [
      `Phản ánh ${f.code}: ${f.place}`,
      `Hạn trả lời: ${formatDateVi(f.answerDue)}.`,
      "",
      `Xem và trả lời: ${link}`,
    ].join("\n");
    try {
      await deps.mailer.sendMail({ from: deps.from, to, subject, text });
    } catch (error) {
      deps.logger?.warn(
        { feedback: f.code, kind, err: error instanceof Error ? error.message : String(error) },
        "feedback reminder e-mail failed",
      );
    }
  }
  return sent;
}

/** Senders' contacts of feedbacks answered before this instant are deleted (the consent notice's retention). */
export function retentionCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS);
  return cutoff.toISOString();
}

/** The job for the JobScheduler (registered in src/app/server.ts). */
export function createFeedbackReminderJob(
  deps: FeedbackReminderDeps,
  intervalMs = 24 * 60 * 60 * 1000,
): JobDefinition {
  return {
    name: "feedback-reminders",
    intervalMs,
    async run(db, now) {
      const sent = await runFeedbackReminders(db, now, deps);
      if (sent > 0) deps.logger?.info({ sent }, "feedback reminders sent");
      const forgotten = await forgetSenders(db, retentionCutoff(now));
      if (forgotten > 0)
        deps.logger?.info({ forgotten }, "feedback senders' contacts deleted after the retention period");
    },
  };
}
