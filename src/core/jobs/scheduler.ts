import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { DB } from "../db/schema.js";
import { claimDueJob, completeJob, ensureJob } from "./jobs.repo.js";

export interface JobDefinition {
  name: string;
  intervalMs: number;
  run: (db: Kysely<DB>, now: Date) => Promise<void>;
}

/**
 * Runs recurring jobs. Every process ticks; the database decides which one runs a due job (see
 * `claimDueJob`), so a job runs once per interval however many processes there are, and a process
 * that dies mid-run loses its lease after `leaseMs` so that another takes over.
 */
export class JobScheduler {
  private readonly owner = `${process.pid}-${randomBytes(4).toString("hex")}`;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly jobs: JobDefinition[],
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly leaseMs = 10 * 60 * 1000,
  ) {}

  /** Runs every due job once; returns the names of the jobs this process ran. */
  async tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const now = this.now();
      await ensureJob(this.db, job.name, now);
      if (!(await claimDueJob(this.db, job.name, this.owner, now, new Date(now.getTime() + this.leaseMs))))
        continue;
      let error: string | null = null;
      try {
        await job.run(this.db, now);
        ran.push(job.name);
        this.logger.info({ job: job.name, owner: this.owner }, "scheduled job ran");
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        this.logger.error({ err: e, job: job.name }, "job failed");
      }
      const finished = this.now();
      await completeJob(
        this.db,
        job.name,
        this.owner,
        finished,
        new Date(finished.getTime() + job.intervalMs),
        error,
      );
    }
    return ran;
  }

  start(everyMs: number): void {
    const run = () => this.tick().catch((e) => this.logger.error({ err: e }, "job scheduler tick failed"));
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
    void run();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
