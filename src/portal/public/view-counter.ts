import { createHmac } from "node:crypto";
import { isbot } from "isbot";
import { readerAddress } from "./reader-address.rules.js";

/** A reader's view of an article (by address, see reader-address.rules.ts) counts at most once in this window. */
export const VIEW_DEDUPE_WINDOW_MS = 30 * 60 * 1000;
/** Bound on remembered (visitor, article) pairs, so a crawl with fresh addresses cannot exhaust memory. */
const MAX_REMEMBERED = 200_000;

export type FlushViews = (counts: Map<number, number>) => Promise<void>;

/**
 * Counts article views in memory and writes them in batches: a page view costs no database write.
 * Flushes add to the stored count (`views = views + n`), so several processes can share a database.
 */
export class ViewCounter {
  private pendingCounts = new Map<number, number>();
  private readonly lastCounted = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly writeCounts: FlushViews,
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Records a view unless it comes from a known bot or the same address saw the article within the
   * window. The User-Agent only tells bots apart: it is the client's to change, so it is no part of
   * who the reader is. The address is kept as a keyed hash: nothing personal is kept.
   */
  record(articleId: number, ip: string, userAgent: string | undefined): boolean {
    if (!userAgent || isbot(userAgent)) return false;
    const visitor = createHmac("sha256", this.secret)
      .update(readerAddress(ip))
      .digest("base64url")
      .slice(0, 22);
    const key = `${articleId}:${visitor}`;
    const at = this.now().getTime();
    const previous = this.lastCounted.get(key);
    if (previous !== undefined && at - previous < VIEW_DEDUPE_WINDOW_MS) return false;
    if (this.lastCounted.size >= MAX_REMEMBERED) this.forgetExpired(at);
    this.lastCounted.delete(key);
    this.lastCounted.set(key, at);
    this.pendingCounts.set(articleId, (this.pendingCounts.get(articleId) ?? 0) + 1);
    return true;
  }

  /** Views of this article recorded here and not yet written, to show an up-to-date count. */
  pending(articleId: number): number {
    return this.pendingCounts.get(articleId) ?? 0;
  }

  /** Writes what is buffered. On failure the counts go back into the buffer for the next attempt. */
  flush(): Promise<void> {
    // Chained so flushes never overlap; a failed flush must not block the ones after it.
    this.flushing = this.flushing
      .catch(() => {})
      .then(async () => {
        if (this.pendingCounts.size === 0) return;
        const batch = this.pendingCounts;
        this.pendingCounts = new Map();
        try {
          await this.writeCounts(batch);
        } catch (error) {
          for (const [id, n] of batch) this.pendingCounts.set(id, (this.pendingCounts.get(id) ?? 0) + n);
          throw error;
        }
      });
    return this.flushing;
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      this.forgetExpired(this.now().getTime());
      this.flush().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left: called on shutdown so no view is lost. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private forgetExpired(at: number): void {
    // Map iteration follows insertion order and `record` re-inserts on update, so the oldest come first.
    for (const [key, time] of this.lastCounted) {
      if (at - time < VIEW_DEDUPE_WINDOW_MS && this.lastCounted.size < MAX_REMEMBERED) break;
      this.lastCounted.delete(key);
    }
  }
}

declare module "../../core/app-context.js" {
  interface AppContext {
    /** Article views buffered in memory and written in batches (views.wiring.ts builds it). */
    viewCounter: ViewCounter;
  }
}
