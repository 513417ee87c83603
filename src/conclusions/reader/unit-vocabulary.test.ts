import { describe, expect, it } from "vitest";
import { HEADS, NOT_A_HEAD, STOP_PAIRS, SUBJECT_VERBS } from "./unit-vocabulary.js";

describe("unit vocabulary", () => {
  it("folds every head word by word", () => {
    for (const head of HEADS) {
      expect(head.fold).toHaveLength(head.lower.length);
      for (const word of head.fold) expect(word).toMatch(/^[a-z/]+$/);
    }
  });

  it("lists exceptions only for one-word heads", () => {
    const single = new Set(HEADS.filter((h) => h.lower.length === 1).map((h) => h.lower[0]));
    for (const key of Object.keys(NOT_A_HEAD)) expect(single.has(key)).toBe(true);
  });

  it("makes every two-word subject verb a stop as well", () => {
    for (const verb of SUBJECT_VERBS) if (verb.includes(" ")) expect(STOP_PAIRS.has(verb)).toBe(true);
  });
});
