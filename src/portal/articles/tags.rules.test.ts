import { describe, expect, it } from "vitest";
import { formatTags, parseTags, TAG_MESSAGES } from "./tags.rules.js";

describe("parseTags", () => {
  it("splits on commas and semicolons, folds duplicates by slug, keeps the first spelling", () => {
    expect(parseTags(" Hộ nghèo,  chuyển   đổi số; hộ nghèo ,,Thượng Thanh\nĐảng viên ")).toEqual({
      tags: [
        { name: "Hộ nghèo", slug: "ho-ngheo" },
        { name: "chuyển đổi số", slug: "chuyen-doi-so" },
        { name: "Thượng Thanh", slug: "thuong-thanh" },
        { name: "Đảng viên", slug: "dang-vien" },
      ],
    });
    expect(parseTags("")).toEqual({ tags: [] });
  });

  it("refuses too many, too long and letterless tags", () => {
    expect(parseTags(Array.from({ length: 11 }, (_, i) => `t${i}`).join(",")).error).toBe(
      TAG_MESSAGES.tooMany,
    );
    expect(parseTags("a".repeat(61)).error).toBe(TAG_MESSAGES.tooLong);
    expect(parseTags("ok, ---").error).toBe(TAG_MESSAGES.noLetter);
  });

  it("formats names back for the form", () => {
    expect(formatTags(["Hộ nghèo", "Thượng Thanh"])).toBe("Hộ nghèo, Thượng Thanh");
  });
});
