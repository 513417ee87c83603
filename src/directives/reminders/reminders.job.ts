/**
 * The daily reminder job: for every open directive 7, 3 or 1 days before its deadline, and once when
 * it is overdue, an in-app notification for the lead unit's officers and one e-mail to them through
 * the configured SMTP server.
 *
 * Sent once, whatever happens: the ledger row (directive, kind, deadline day) is inserted in the same
 * transaction as the notifications, and only the process whose insert succeeded sends the mail. A
 * second process, a second run the same day or a run after a restart finds the row and does nothing.
 * A crash between the commit and the mail leaves the row "pending" and that mail unsent: a missed
 * e-mail (the notification is there) is preferred to a duplicate.
 */

import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "../../core/config.js";
import type { DB } from "../../core/db/schema.js";
import { formatDateVi, vnDateString } from "../../core/format/vi-date.js";
import type { JobDefinition } from "../../core/jobs/scheduler.js";
import { vietnamDayNumber } from "../deadline.js";
import {
  claimReminder,
  type DueDirective,
  insertNotifications,
  listDueDirectives,
  listRecipients,
  setMailStatus,
} from "./reminders.repo.js";
import { type ReminderKind, reminderKindFor, reminderSubject } from "./reminders.rules.js";

/** Anything that sends one message (nodemailer's transport in production). */
export interface Mailer {
  sendMail(message: { from: string; to: string[]; subject: string; text: string }): Promise<unknown>;
}

export interface ReminderDeps {
  /** Null: in-app notifications only. */
  mailer: Mailer | null;
  from: string;
  /** For links in e-mails. */
  baseUrl: URL;
  logger?: Pick<Logger, "warn" | "info">;
}

export interface ReminderRunResult {
  /** Reminders recorded by this run. */
  sent: number;
  mailed: number;
  mailFailed: number;
}

function bodyText(d: DueDirective, kind: ReminderKind, daysLeft: number, link: string): string {
  const when =
    kind === "overdue"
      ? `đã quá hạn ${-daysLeft} ngày (hạn ${formatDateVi(d.deadlineEnd)})`
      : `hạn hoàn thành ${formatDateVi(d.deadlineEnd)}`;
  return [`Nhiệm vụ: ${d.title}`, `Thời hạn: ${when}.`, "", `Xem và báo cáo tiến độ: ${link}`].join("\n");
}

/** One pass over the due directives at `now`. Safe to run any number of times, in any number of processes. */
export async function runReminders(
  db: Kysely<DB>,
  now: Date,
  deps: ReminderDeps,
): Promise<ReminderRunResult> {
  const today = vietnamDayNumber(now);
  const todayIso = vnDateString(now);
  const result: ReminderRunResult = { sent: 0, mailed: 0, mailFailed: 0 };
  for (const d of await listDueDirectives(db, today, todayIso)) {
    const daysLeft = d.deadlineDay - today;
    const kind = reminderKindFor(daysLeft);
    if (kind === null) continue;
    const recipients = await listRecipients(db, d, kind, todayIso);
    const to = [...new Set(recipients.flatMap((r) => (r.email ? [r.email] : [])))];
    const path = `/quan-tri/nhiem-vu/${d.id}`;
    const subject = reminderSubject(kind, d.title, daysLeft);
    const link = new URL(path, deps.baseUrl).toString();
    const text = bodyText(d, kind, daysLeft, link);
    const claimed = await db.transaction().execute(async (trx) => {
      const id = await claimReminder(trx, {
        directiveId: d.id,
        kind,
        dueOn: d.deadlineEnd,
        now,
        recipients: recipients.length,
        mailStatus: deps.mailer && to.length > 0 ? "pending" : "none",
      });
      if (id === null) return null;
      await insertNotifications(
        trx,
        recipients.map((r) => r.userId),
        { kind: `reminder_${kind}`, title: subject, body: text, link: path, directiveId: d.id, now },
      );
      return id;
    });
    if (claimed === null) continue;
    result.sent += 1;
    if (!deps.mailer || to.length === 0) continue;
    try {
      await deps.mailer.sendMail({ from: deps.from, to, subject, text });
      await setMailStatus(db, claimed, "sent", null);
      result.mailed += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await setMailStatus(db, claimed, "failed", message.slice(0, 500));
      deps.logger?.warn({ directive: d.id, kind, err: message }, "reminder e-mail failed");
      result.mailFailed += 1;
    }
  }
  return result;
}

/**
 * A nodemailer transport for `config.smtp`, or null when no SMTP server is configured. nodemailer is
 * loaded with the first message, so an install without e-mail never loads it.
 */
export function createMailer(smtp: Config["smtp"]): Mailer | null {
  if (!smtp) return null;
  let transport: Promise<Mailer> | null = null;
  return {
    async sendMail(message) {
      transport ??= import("nodemailer").then((m) => m.default.createTransport(smtp.url));
      return (await transport).sendMail(message);
    },
  };
}

/**
 * The job for the JobScheduler (register it in src/app/server.ts). It runs every `intervalMs` (a day by
 * default); running more often only sends reminders sooner, never twice.
 */
export function createReminderJob(
  config: Pick<Config, "smtp" | "publicBaseUrl">,
  options: { logger?: Pick<Logger, "warn" | "info">; mailer?: Mailer | null; intervalMs?: number } = {},
): JobDefinition {
  const mailer = options.mailer !== undefined ? options.mailer : createMailer(config.smtp);
  return {
    name: "directive-reminders",
    intervalMs: options.intervalMs ?? 24 * 60 * 60 * 1000,
    async run(db, now) {
      const r = await runReminders(db, now, {
        mailer,
        from: config.smtp?.from ?? "giaoban",
        baseUrl: config.publicBaseUrl,
        logger: options.logger,
      });
      if (r.sent > 0) options.logger?.info(r, "directive reminders sent");
    },
  };
}
