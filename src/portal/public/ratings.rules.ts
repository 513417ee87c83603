import { createHmac } from "node:crypto";
import { readerAddress } from "./reader-address.rules.js";

/**
 * The satisfaction rating readers give an article, in the words Vietnamese public services use
 * ("Hài lòng / Bình thường / Chưa hài lòng"), and how a visitor is recognised without keeping
 * anything personal.
 */

export const RATING_CHOICES = [
  { score: 3, label: "Hài lòng" },
  { score: 2, label: "Bình thường" },
  { score: 1, label: "Chưa hài lòng" },
] as const;

export type RatingScore = (typeof RATING_CHOICES)[number]["score"];

export function parseRatingScore(raw: unknown): RatingScore | null {
  if (typeof raw !== "string" || !/^[123]$/.test(raw)) return null;
  return Number(raw) as RatingScore;
}

export function ratingLabel(score: number): string {
  return RATING_CHOICES.find((c) => c.score === score)?.label ?? String(score);
}

/**
 * A visitor's key for ratings: a keyed hash of the address (an IPv6 address by its /64), in its own
 * domain ("rating") so it cannot be matched with the view counter's. One rating per key and article:
 * not the browser, which the client may change at will to vote again.
 */
export function ratingVisitorKey(secret: string, ip: string): string {
  return createHmac("sha256", secret)
    .update(`rating\n${readerAddress(ip)}`)
    .digest("base64url")
    .slice(0, 22);
}

export interface RatingSummary {
  total: number;
  /** Count per score, every choice present (0 when nobody chose it). */
  counts: Record<RatingScore, number>;
}

/** Share of a choice in whole per cent, for "Hài lòng: 5 (63%)"; 0 when nobody rated. */
export function sharePercent(summary: RatingSummary, score: RatingScore): number {
  return summary.total === 0 ? 0 : Math.round((summary.counts[score] / summary.total) * 100);
}
