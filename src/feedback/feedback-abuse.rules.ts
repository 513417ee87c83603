/**
 * Keeping abuse out of the public feedback form without a third-party service. Pure: callers give the
 * counts and the random numbers.
 *
 * - a limit per sender address: a few feedbacks an hour and a day, enough for a family or an office
 *   behind one address, too few to flood a ward's queue;
 * - a honeypot field that people never see and scripts fill in;
 * - a proof of work (ALTCHA, proof-of-work.ts) that the browser solves in a second or two, or, with
 *   JavaScript off, a small sum to answer.
 */

export const PER_HOUR = 5;
export const PER_DAY = 20;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The name of the honeypot field, in the form and the API: a "website" a person has no reason to give. */
export const HONEYPOT_FIELD = "website";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

/**
 * May a sender with `lastHour` feedbacks in the past hour and `lastDay` in the past day send another?
 * `oldestInHour` / `oldestInDay`: the instant of the oldest one counted, to say when the next one may go.
 */
export function rateDecision(
  stats: { lastHour: number; oldestInHour: string | null; lastDay: number; oldestInDay: string | null },
  now: Date,
): RateDecision {
  const wait = (oldest: string | null, windowMs: number) =>
    Math.max(
      1,
      Math.ceil(((oldest ? new Date(oldest).getTime() : now.getTime()) + windowMs - now.getTime()) / 1000),
    );
  if (stats.lastDay >= PER_DAY)
    return {
      allowed: false,
      retryAfterSeconds: wait(stats.oldestInDay, DAY_MS),
      message: `Mỗi địa chỉ mạng gửi được tối đa ${PER_DAY} phản ánh trong 24 giờ. Vui lòng gửi lại sau.`,
    };
  if (stats.lastHour >= PER_HOUR)
    return {
      allowed: false,
      retryAfterSeconds: wait(stats.oldestInHour, HOUR_MS),
      message: `Mỗi địa chỉ mạng gửi được tối đa ${PER_HOUR} phản ánh trong một giờ. Vui lòng gửi lại sau.`,
    };
  return { allowed: true };
}

const NUMBER_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** The question shown when JavaScript is off: the sum of two numbers from 1 to 9, asked in words. */
export function sumQuestion(a: number, b: number): { text: string; answer: number } {
  return {
    text: `${NUMBER_WORDS[a]} cộng ${NUMBER_WORDS[b]} bằng bao nhiêu? (trả lời bằng chữ số)`.replace(
      /^./,
      (c) => c.toUpperCase(),
    ),
    answer: a + b,
  };
}

/** The number a person typed as the answer ("12", " 12 "), or null. */
export function parseSumAnswer(typed: string): number | null {
  const t = typed.trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

/** Challenges handed to one address in {@link CHALLENGE_WINDOW_MS}: a form reloaded now and then, not a stockpile. */
export const CHALLENGES_PER_WINDOW = 60;
export const CHALLENGE_WINDOW_MS = 10 * 60 * 1000;

/** The instants (ms) still inside the window, and whether one more challenge may be handed out. */
export function challengeDecision(
  recent: readonly number[],
  nowMs: number,
): { allowed: boolean; kept: number[] } {
  const kept = recent.filter((t) => t > nowMs - CHALLENGE_WINDOW_MS);
  return { allowed: kept.length < CHALLENGES_PER_WINDOW, kept };
}
