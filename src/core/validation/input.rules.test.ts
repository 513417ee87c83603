import { describe, expect, it } from "vitest";
import { findUnstorableText, isUnstorableText, MAX_DB_ID, parseDbId } from "./input.rules.js";

describe("parseDbId", () => {
  it("takes 1 to 2^31 − 1 written plainly", () => {
    expect(parseDbId("1")).toBe(1);
    expect(parseDbId("2147483647")).toBe(MAX_DB_ID);
  });

  it.each(["0", "-1", "2147483648", "9007199254740993", "01", "1e3", "0x10", " 1", "1\u0000", "", undefined])(
    "refuses %j",
    (raw) => {
      expect(parseDbId(raw)).toBeNull();
    },
  );
});

describe("unstorable text", () => {
  it("finds NUL and lone surrogate halves, not whole pairs or Vietnamese", () => {
    expect(isUnstorableText("a\u0000b")).toBe(true);
    expect(isUnstorableText("a\ud800b")).toBe(true);
    expect(isUnstorableText("a\udc00")).toBe(true);
    expect(isUnstorableText("\ud83d")).toBe(true);
    expect(isUnstorableText("Thượng Thanh 😀 đạt 111%")).toBe(false);
  });

  it("names the path of the first bad string or key in a JSON body", () => {
    expect(findUnstorableText({ a: [{ b: "x" }, { c: "y\u0000" }] }, "body")).toBe("body.a.1.c");
    expect(findUnstorableText({ "k\u0000": 1 }, "body")).toBe("body");
    expect(findUnstorableText({ a: [1, null, true, "ok"] }, "body")).toBeNull();
  });
});
