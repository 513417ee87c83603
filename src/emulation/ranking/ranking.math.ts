/**
 * Competition ranking of units by score (xếp hạng thi đua), ties shown as ties ("đồng hạng"):
 * scores 98, 95, 95, 90 rank 1, 2, 2, 4. Pure: no I/O.
 */
import { roundHalfAwayFromZero } from "../../core/format/vi-number.js";

export interface ScoredEntry {
  id: string;
  score: number;
}

export interface RankedEntry {
  id: string;
  /** The score as given (not rounded). */
  score: number;
  /** 1 + the number of entries strictly better. */
  rank: number;
  /** Another entry has the same rank. */
  tied: boolean;
}

export interface RankingOptions {
  /** "desc" (default): higher score ranks first. "asc" for penalty-style scores. */
  order?: "desc" | "asc";
  /**
   * Scores equal at this many fraction digits are tied (default 6). Sums of decimal points carry
   * binary noise (0,1 + 0,2 ≠ 0,3), and two units with the same points must not be split by it; a
   * locality that ranks on scores rounded for display (e.g. 2 digits) passes that precision here.
   */
  precision?: number;
}

/**
 * Ranks entries with standard competition ranking (1, 2, 2, 4). Output is ordered by rank; tied entries
 * keep their input order, which callers may set (e.g. alphabetically) without affecting the rank.
 * Throws RangeError on a non-finite score and on a duplicate id.
 */
export function rankCompetition(
  entries: readonly ScoredEntry[],
  options: RankingOptions = {},
): RankedEntry[] {
  const precision = options.precision ?? 6;
  const sign = (options.order ?? "desc") === "desc" ? -1 : 1;
  const ids = new Set<string>();
  const keyed = entries.map((entry) => {
    if (!Number.isFinite(entry.score)) throw new RangeError(`score of ${entry.id} is not a finite number`);
    if (ids.has(entry.id)) throw new RangeError(`entry ${entry.id} is listed twice`);
    ids.add(entry.id);
    return { entry, key: sign * roundHalfAwayFromZero(entry.score, precision) };
  });
  // Array.prototype.sort is stable: equal keys keep input order.
  keyed.sort((a, b) => a.key - b.key);

  const ranked: RankedEntry[] = [];
  keyed.forEach(({ entry, key }, index) => {
    const previous = keyed[index - 1];
    const rank = previous && previous.key === key ? (ranked[index - 1] as RankedEntry).rank : index + 1;
    ranked.push({ id: entry.id, score: entry.score, rank, tied: false });
  });
  for (const [index, item] of ranked.entries()) {
    const neighbours = [ranked[index - 1], ranked[index + 1]];
    item.tied = neighbours.some((other) => other?.rank === item.rank);
  }
  return ranked;
}

/** "xếp thứ 1/14", or "xếp thứ 2/14 (đồng hạng)" for a tie. */
export function describeRank(entry: Pick<RankedEntry, "rank" | "tied">, total: number): string {
  return `xếp thứ ${entry.rank}/${total}${entry.tied ? " (đồng hạng)" : ""}`;
}
