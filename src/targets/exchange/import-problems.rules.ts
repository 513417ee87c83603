/**
 * The problems of a rejected import, kept to the first MAX_LISTED_PROBLEMS with a count of the rest:
 * a 9 MB DHIS2 file of bad rows once gave a 46,8 MB error body and 400 MB of memory. The first
 * problems are enough to fix a file (the same mistake usually repeats), and the count tells how far
 * off it is.
 */

export const MAX_LISTED_PROBLEMS = 100;

export interface ImportProblem {
  /** "dataValues[2]", "dòng 4", "line3". */
  where: string;
  message: string;
}

export class ImportProblems {
  private readonly kept: ImportProblem[] = [];
  private count = 0;

  add(where: string, message: string): void {
    this.count++;
    if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push({ where, message });
  }

  /** Every problem found, listed or not. */
  get total(): number {
    return this.count;
  }

  /** The first problems, in the order found. */
  get listed(): readonly ImportProblem[] {
    return this.kept;
  }

  /** How many were found beyond the listed ones. */
  get unlisted(): number {
    return this.count - this.kept.length;
  }
}

/** "và 123.456 lỗi khác (chỉ liệt kê 100 lỗi đầu)." for the end of a list; "" when all are listed. */
export function unlistedNote(unlisted: number): string {
  if (unlisted <= 0) return "";
  return `… và ${unlisted.toLocaleString("vi-VN")} lỗi khác (chỉ liệt kê ${MAX_LISTED_PROBLEMS} lỗi đầu).`;
}
