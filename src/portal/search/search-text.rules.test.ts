import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlToIndexText, htmlToText, tokenize, tokenizeByExpression } from "./search-text.rules.js";

/** Characters that make tokenising hard: Vietnamese in both forms, marks, digits, punctuation, astral. */
const PIECES = [
  "Thượng",
  "Thanh",
  "ĐẢNG",
  "đ",
  "ủy",
  "a",
  "Z",
  "9",
  "٣",
  "²",
  "½",
  " ",
  "\n",
  "-",
  ",",
  "'",
  "_",
  "\u00a0",
  "\u0301",
  "\u0323",
  "Ǆ",
  "İ",
  "ß",
  "𝐀",
  "😀",
  "\ud800",
  "x".repeat(64),
  "y".repeat(65),
  "漢字",
  "한국",
  "ا",
  "\u200b",
  "Ⅻ",
];

describe("index tokens", () => {
  it("cuts text by a table of character classes exactly as the regular expression does", () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 8 })), {
        maxLength: 40,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (input) => {
        expect(tokenize(input)).toEqual(tokenizeByExpression(input.normalize("NFC").toLowerCase()));
      }),
      { numRuns: 3000 },
    );
  });

  it("drops runs longer than 64 characters and letters outside the Basic Multilingual Plane", () => {
    expect(tokenize(`${"a".repeat(65)} ${"b".repeat(64)}`)).toEqual(["b".repeat(64)]);
    expect(tokenize("ab𝐀cd ef")).toEqual(["ef"]);
  });

  it("tokenises article HTML the same whether or not its spaces were tidied", () => {
    const html =
      "<p>Một&nbsp;&amp; hai<br/>ba</p>\n  <ul><li>bốn  năm</li><li>sáu</li></ul><p><strong>bảy</strong>tám</p>";
    expect(tokenize(htmlToIndexText(html))).toEqual(tokenize(htmlToText(html)));
    expect(tokenize(htmlToIndexText(html))).toEqual(["một", "hai", "ba", "bốn", "năm", "sáu", "bảytám"]);
  });
});
