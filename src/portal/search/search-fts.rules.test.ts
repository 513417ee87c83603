import { describe, expect, it } from "vitest";
import { ftsAllMarked, markedText, markTokens, metaTokens } from "./search-fts.rules.js";
import { tokenize } from "./search-text.rules.js";

describe("token kinds of the SQLite index", () => {
  it("marks every kind with a character article text never yields, so the kinds cannot meet", () => {
    // "_" is not a letter or digit: text that looks like a marked token splits apart.
    expect(tokenize("_thanh t_thuong m_c3")).toEqual(["thanh", "t", "thuong", "m", "c3"]);
    expect(markTokens("exact", ["thượng", "thanh"])).toEqual(["_thượng", "_thanh"]);
    expect(markTokens("title", ["thuong"])).toEqual(["t_thuong"]);
    expect(markedText("exact", ["thượng", "thanh"])).toBe(markTokens("exact", ["thượng", "thanh"]).join(" "));
    expect(markedText("title", [])).toBe("");
  });

  it("writes an article's filters as marked category and unit tokens", () => {
    expect(metaTokens({ categoryId: 12, unitId: 5 })).toEqual(["m_c12", "m_u5"]);
    expect(metaTokens({ categoryId: null, unitId: 5 })).toEqual(["m_u5"]);
  });

  it("quotes marked phrases like plain ones", () => {
    expect(ftsAllMarked("title", [["thuong", "thanh"], ["ho"]])).toBe('"t_thuong t_thanh" AND "t_ho"');
  });
});
