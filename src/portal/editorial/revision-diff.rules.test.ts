import { describe, expect, it } from "vitest";
import {
  diffSequences,
  diffText,
  diffWords,
  hasChanges,
  htmlToText,
  tokenizeWords,
} from "./revision-diff.rules.js";

describe("diffSequences", () => {
  it.each([
    [[], [], []],
    [["a"], ["a"], [{ kind: "same", items: ["a"] }]],
    [[], ["a"], [{ kind: "ins", items: ["a"] }]],
    [["a"], [], [{ kind: "del", items: ["a"] }]],
    [
      ["a", "b", "c"],
      ["a", "x", "c"],
      [
        { kind: "same", items: ["a"] },
        { kind: "del", items: ["b"] },
        { kind: "ins", items: ["x"] },
        { kind: "same", items: ["c"] },
      ],
    ],
    [
      ["x", "a", "b", "y", "c"],
      ["a", "b", "c", "z"],
      [
        { kind: "del", items: ["x"] },
        { kind: "same", items: ["a", "b"] },
        { kind: "del", items: ["y"] },
        { kind: "same", items: ["c"] },
        { kind: "ins", items: ["z"] },
      ],
    ],
  ])("%j → %j", (a, b, expected) => {
    expect(diffSequences(a, b)).toEqual(expected);
  });

  it("keeps the longest common subsequence", () => {
    const a = "ABCBDAB".split("");
    const b = "BDCABA".split("");
    const same = diffSequences(a, b)
      .filter((op) => op.kind === "same")
      .flatMap((op) => op.items);
    expect(same).toHaveLength(4);
    // Replaying the script turns a into b.
    const rebuilt = diffSequences(a, b)
      .filter((op) => op.kind !== "del")
      .flatMap((op) => op.items);
    expect(rebuilt).toEqual(b);
  });

  it("falls back to delete-all/insert-all beyond the table limit instead of running out of memory", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const ops = diffSequences(["x", ...a, "y"], ["x", ...b, "y"]);
    expect(ops.map((op) => [op.kind, op.items.length])).toEqual([
      ["same", 1],
      ["del", 3000],
      ["ins", 3000],
      ["same", 1],
    ]);
  });
});

describe("diffWords", () => {
  it("shows a changed figure in a sentence of the reference article", () => {
    expect(diffWords("thu ngân sách đạt 111% dự toán", "thu ngân sách đạt 112,5% dự toán")).toEqual([
      { kind: "same", text: "thu ngân sách đạt " },
      { kind: "del", text: "111%" },
      { kind: "ins", text: "112,5%" },
      { kind: "same", text: " dự toán" },
    ]);
  });

  it("tokenizes words and spaces so the text joins back exactly", () => {
    const text = "Đ/c  Đỗ Mạnh Hải\n- Bí thư";
    expect(tokenizeWords(text).join("")).toBe(text);
  });
});

describe("diffText", () => {
  it("keeps unchanged paragraphs whole and diffs a changed one word by word", () => {
    const before = "Đoạn một.\n\nXếp thứ 2/14 phường.\n\nĐoạn ba.";
    const after = "Đoạn một.\n\nXếp thứ 1/14 phường.\n\nĐoạn ba.\n\nĐoạn mới.";
    expect(diffText(before, after)).toEqual([
      [{ kind: "same", text: "Đoạn một." }],
      [
        { kind: "same", text: "Xếp thứ " },
        { kind: "del", text: "2/14" },
        { kind: "ins", text: "1/14" },
        { kind: "same", text: " phường." },
      ],
      [{ kind: "same", text: "Đoạn ba." }],
      [{ kind: "ins", text: "Đoạn mới." }],
    ]);
  });

  it("shows removed paragraphs whole", () => {
    expect(diffText("A\n\nB\n\nC", "A\n\nC")).toEqual([
      [{ kind: "same", text: "A" }],
      [{ kind: "del", text: "B" }],
      [{ kind: "same", text: "C" }],
    ]);
    expect(hasChanges(diffText("A\n\nB", "A\n\nB"))).toBe(false);
    expect(hasChanges(diffText("A", "A B"))).toBe(true);
  });
});

describe("htmlToText", () => {
  it("reads sanitised HTML as paragraphs of text", () => {
    expect(
      htmlToText(
        '<p>Đoạn <strong>một</strong> &amp; 1 &lt; 2</p>\n<ul><li>ý a</li><li>ý b</li></ul><p>dòng 1<br />dòng 2</p><figure><img src="/media/a.jpg" alt="Hội nghị" /></figure>',
      ),
    ).toBe("Đoạn một & 1 < 2\n\ný a\n\ný b\n\ndòng 1\ndòng 2\n\n[Ảnh: Hội nghị]");
  });
});
