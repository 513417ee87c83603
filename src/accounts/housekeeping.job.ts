import type { JobDefinition } from "../core/jobs/scheduler.js";
import { deleteLoginAttemptsBefore } from "./login-attempts.repo.js";
import { deleteExpiredSessions } from "./sessions.repo.js";

/** Expired sessions and login attempts older than a day serve no one: drop them hourly. */
export const housekeepingJob: JobDefinition = {
  name: "housekeeping",
  intervalMs: 60 * 60 * 1000,
  async run(db, now) {
    await deleteExpiredSessions(db, now);
    await deleteLoginAttemptsBefore(db, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  },
};
