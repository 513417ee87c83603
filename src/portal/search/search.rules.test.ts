import { describe, expect, it } from "vitest";
import { parseSearchQuery, tsqueryText } from "./search.rules.js";
import { ftsAllMarked, ftsAllPhrases } from "./search-fts.rules.js";
import { buildSnippet, highlightAll } from "./search-snippet.rules.js";
import { htmlToText, indexStreams, MAX_POSITIONS_PER_LEXEME, tokenize } from "./search-text.rules.js";
import { tsvectorLiteral } from "./search-tsvector.rules.js";

const folded = (q: string) => parseSearchQuery(q).terms.map((t) => t.folded.join(" "));
const boosts = (q: string) => parseSearchQuery(q).boosts.map((t) => t.folded.join(" "));

describe("reading a query", () => {
  it.each([
    ["thuong thanh", ["thuong thanh"], []],
    ["Thượng Thanh", ["thuong thanh"], []],
    ["Đảng viên", ["dang vien"], []],
    ["hộ nghèo", ["ho ngheo"], []],
    ["do manh hai", ["do", "manh", "hai"], ["do manh hai"]],
    ['"ban thường vụ quận ủy"', ["ban thuong vu quan uy"], []],
    ["“hộ nghèo” tăng", ["ho ngheo", "tang"], []],
    ['"thuong thanh', ["thuong thanh"], []],
    ["hộ nghèo 2019", ["ho ngheo", "2019"], []],
    // Numbers stand alone; brackets end a run.
    ["37,6 tỷ", ["37", "6", "ty"], []],
    ["hộ nghèo, việc làm", ["ho ngheo", "viec lam"], []],
    ["thuong OR thanh", ["thuong", "or", "thanh"], ["thuong or thanh"]],
    ["-thanh*", ["thanh"], []],
    ["title_f:thanh", ["title", "f", "thanh"], ["title f thanh"]],
    ["NEAR(a b)", ["near", "a b"], []],
    ["", [], []],
    ['" * ( ) : ^', [], []],
  ])("%j", (q, terms, boosted) => {
    expect(folded(q)).toEqual(terms);
    expect(boosts(q)).toEqual(boosted);
  });

  it("keeps the accents as typed next to the folded form", () => {
    expect(parseSearchQuery("Má ơi").terms).toEqual([{ exact: ["má", "ơi"], folded: ["ma", "oi"] }]);
  });

  it("cuts very long queries and repeated words", () => {
    expect(parseSearchQuery("a ".repeat(500)).terms.length).toBeLessThanOrEqual(12);
    expect(folded("x y z x")).toEqual(["x", "y", "z"]);
  });

  it("quotes every token for the engines, so nothing typed is syntax", () => {
    expect(ftsAllPhrases([["thuong", "thanh"], ["or"]])).toBe('"thuong thanh" AND "or"');
    expect(ftsAllMarked("exact", [["thượng", "thanh"], ['"']])).toBe('"_thượng _thanh" AND "_"""');
    expect(tsqueryText([["thuong", "thanh"], ["or"]])).toBe("('thuong thanh') & ('or')");
    expect(tsqueryText([["it's"]])).toBe("('it''s')");
  });

  it("asks a longer phrase as the chain of its pairs", () => {
    expect(tsqueryText([["ket", "qua", "thuc", "hien"]])).toBe("('ket qua' <-> 'qua thuc' <-> 'thuc hien')");
  });
});

describe("index tokens", () => {
  it("splits on anything that is not a letter or digit, lower-cased NFC", () => {
    expect(tokenize("HĐND-UBND phường; 37,6 tỷ đồng (vượt 8%)")).toEqual([
      "hđnd",
      "ubnd",
      "phường",
      "37",
      "6",
      "tỷ",
      "đồng",
      "vượt",
      "8",
    ]);
    // Decomposed input (NFD) gives the same tokens as precomposed.
    expect(tokenize("Thượng".normalize("NFD"))).toEqual(["thượng"]);
  });

  it("reads text out of sanitised HTML", () => {
    expect(htmlToText("<p>Một &amp; hai</p><ul><li>ba&nbsp;bốn</li></ul>")).toBe("Một & hai\nba bốn");
  });

  it("writes tsvectors with explicit positions, title weighted A, a gap before the body, and pairs", () => {
    expect(tsvectorLiteral(["thuong", "thanh"], ["thanh", "pho"])).toBe(
      "'thuong':1A 'thuong thanh':1A 'thanh':2A,4 'thanh pho':4 'pho':5",
    );
  });

  it("cuts streams where PostgreSQL would drop positions, the same on both streams", () => {
    const body = Array.from({ length: 300 }, () => "má ma").join(" ");
    const streams = indexStreams({ title: "x", body });
    // Folded, "ma" reaches its 256th occurrence after 128 pairs.
    expect(streams.body.folded.filter((t) => t === "ma")).toHaveLength(MAX_POSITIONS_PER_LEXEME);
    expect(streams.body.exact.length).toBe(streams.body.folded.length);
  });
});

describe("snippets", () => {
  it("marks folded matches in the original text and escapes the rest", () => {
    expect(highlightAll("Phường Thượng Thanh <b>", [["thuong", "thanh"]])).toBe(
      "Phường <mark>Thượng Thanh</mark> &lt;b&gt;",
    );
    expect(highlightAll("Đảng viên", [["dang"]])).toBe("<mark>Đảng</mark> viên");
  });

  it("cuts around the matches, at spaces, with … at the cuts", () => {
    const text = `${"mở đầu ".repeat(60)}Đỗ Mạnh Hải chủ trì ${"kết thúc ".repeat(60)}`;
    const snippet = buildSnippet(text, [["do", "manh", "hai"]]);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain("<mark>Đỗ Mạnh Hải</mark> chủ trì");
    expect(snippet.length).toBeLessThan(260);
  });

  it("starts at the beginning when nothing matches in the body", () => {
    expect(buildSnippet("Ngắn gọn.", [["khac"]])).toBe("Ngắn gọn.");
  });
});
