/**
 * When to refuse a login attempt before the password is even checked. Three limits, each aimed at one
 * kind of attack without letting an attacker elsewhere lock the real user out:
 *
 * - per username and address (the pair): guessing one account's password from one place. A few
 *   mistakes are free, then each further attempt waits twice as long as the one before. Only this
 *   pair is slowed, so an attacker at another address cannot keep the real user out.
 * - per address: trying many accounts from one place. Loose enough for an office behind one NAT
 *   address where dozens of people mistype their passwords.
 * - per username from anywhere: guessing one account from many addresses. A slowdown, never a block,
 *   and it does not apply at all on a browser where this user has signed in before (a known device).
 *
 * A success ends the pair's run of failures. Attempts refused here are logged but never counted, so
 * hammering a refusal does not lengthen it.
 */

/** Pair failures are counted this far back (and only since the pair's last success). */
export const PAIR_WINDOW_MS = 60 * 60 * 1000;
export const PAIR_FREE_FAILURES = 3;
const PAIR_FIRST_DELAY_SECONDS = 15;
const PAIR_MAX_DELAY_SECONDS = 15 * 60;

export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ADDRESS = 100;

export const USERNAME_WINDOW_MS = 15 * 60 * 1000;
export const USERNAME_FREE_FAILURES = 10;
const USERNAME_MAX_DELAY_SECONDS = 60;

export type ThrottleLimit = "pair" | "address" | "username";

/** What the attempts table says about recent failures (refused attempts excluded). */
export interface AttemptStats {
  pair: { failures: number; lastFailureAt: string | null };
  address: { failures: number; oldestFailureAt: string | null };
  username: { failures: number; lastFailureAt: string | null };
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; limit: ThrottleLimit; retryAfterSeconds: number };

/** Seconds the pair must wait after its latest failure, given how many it has had: 0, 0, 0, 15, 30, 60 … 900. */
export function pairDelaySeconds(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  return Math.min(PAIR_MAX_DELAY_SECONDS, PAIR_FIRST_DELAY_SECONDS * 2 ** (failures - PAIR_FREE_FAILURES));
}

/** Seconds any unknown device must wait after the username's latest failure: 1, 2, 4 … 60. */
export function usernameDelaySeconds(failures: number): number {
  if (failures < USERNAME_FREE_FAILURES) return 0;
  return Math.min(USERNAME_MAX_DELAY_SECONDS, 2 ** (failures - USERNAME_FREE_FAILURES));
}

function secondsLeft(untilMs: number, now: Date): number {
  return Math.max(0, Math.ceil((untilMs - now.getTime()) / 1000));
}

/**
 * May this attempt go ahead? `knownDevice`: the browser holds a valid known-device mark for this
 * username. It skips the address and username limits (an attacker cannot have one without the
 * password), but not the pair's own delay, which protects against a stolen mark too.
 */
export function decideLoginAttempt(stats: AttemptStats, knownDevice: boolean, now: Date): ThrottleDecision {
  const refusals: { limit: ThrottleLimit; retryAfterSeconds: number }[] = [];
  if (stats.pair.lastFailureAt) {
    const delay = pairDelaySeconds(stats.pair.failures);
    const wait = secondsLeft(Date.parse(stats.pair.lastFailureAt) + delay * 1000, now);
    if (wait > 0) refusals.push({ limit: "pair", retryAfterSeconds: wait });
  }
  if (!knownDevice && stats.address.failures >= MAX_FAILURES_PER_ADDRESS && stats.address.oldestFailureAt) {
    const wait = secondsLeft(Date.parse(stats.address.oldestFailureAt) + ADDRESS_WINDOW_MS, now);
    if (wait > 0) refusals.push({ limit: "address", retryAfterSeconds: wait });
  }
  if (!knownDevice && stats.username.lastFailureAt) {
    const delay = usernameDelaySeconds(stats.username.failures);
    const wait = secondsLeft(Date.parse(stats.username.lastFailureAt) + delay * 1000, now);
    if (wait > 0) refusals.push({ limit: "username", retryAfterSeconds: wait });
  }
  if (refusals.length === 0) return { allowed: true };
  const longest = refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  return { allowed: false, ...longest };
}

export function throttleMessage(seconds: number): string {
  const wait = seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
  return `Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau ${wait}.`;
}
