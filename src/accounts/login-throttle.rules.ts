/**
 * When to refuse a login attempt. Failures are counted over a sliding window per username (guessing
 * one account's password) and per address (trying many accounts from one place).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface FailureCounts {
  byUsername: number;
  byIp: number;
  oldestByUsername: string | null;
  oldestByIp: string | null;
}

/** Seconds until a new attempt is allowed, or 0 when it is allowed now. */
export function secondsUntilAllowed(counts: FailureCounts, now: Date): number {
  const waits: number[] = [];
  if (counts.byUsername >= MAX_FAILURES_PER_USERNAME && counts.oldestByUsername) {
    waits.push(Date.parse(counts.oldestByUsername) + THROTTLE_WINDOW_MS - now.getTime());
  }
  if (counts.byIp >= MAX_FAILURES_PER_IP && counts.oldestByIp) {
    waits.push(Date.parse(counts.oldestByIp) + THROTTLE_WINDOW_MS - now.getTime());
  }
  const wait = Math.max(0, ...waits);
  return Math.ceil(wait / 1000);
}

export function throttleMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`;
}
