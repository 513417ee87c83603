import { describe, expect, it } from "vitest";
import { ImportProblems, MAX_LISTED_PROBLEMS, unlistedNote } from "./import-problems.rules.js";

describe("ImportProblems", () => {
  it("keeps the first 100 problems and counts them all", () => {
    const problems = new ImportProblems();
    for (let i = 0; i < 250_000; i++) problems.add(`dòng ${i + 2}`, `lỗi ${i}`);
    expect(problems.total).toBe(250_000);
    expect(problems.listed).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(problems.listed[0]).toEqual({ where: "dòng 2", message: "lỗi 0" });
    expect(problems.listed.at(-1)?.where).toBe("dòng 101");
    expect(problems.unlisted).toBe(249_900);
  });

  it("lists all when there are few", () => {
    const problems = new ImportProblems();
    problems.add("dòng 2", "lỗi");
    expect([problems.total, problems.listed.length, problems.unlisted]).toEqual([1, 1, 0]);
  });

  it("notes the unlisted count in Vietnamese, nothing when none", () => {
    expect(unlistedNote(249_900)).toBe("… và 249.900 lỗi khác (chỉ liệt kê 100 lỗi đầu).");
    expect(unlistedNote(0)).toBe("");
  });
});
