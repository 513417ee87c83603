import type { JobDefinition } from "../../core/jobs/scheduler.js";
import { publishDueArticles } from "../articles/article-workflow.service.js";

/**
 * Moves scheduled articles to "published" once their moment has come. Readers see a scheduled
 * article from its moment whether or not this has run (the public queries compare `published_at`
 * with now); the job makes the status, the review trail and the audit log say so too.
 *
 * The scheduler ticks every minute and plans a job's next run `intervalMs` after its last one
 * finished: 30 s makes this run at every tick. The scheduler's claim on the `jobs` row makes one
 * process run it however many share the database.
 */
export const scheduledPublishingJob: JobDefinition = {
  name: "portal.scheduled-publishing",
  intervalMs: 30_000,
  async run(db, now) {
    await publishDueArticles(db, now);
  },
};
