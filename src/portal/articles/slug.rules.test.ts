import { describe, expect, it } from "vitest";
import { firstFreeSlug, MAX_SLUG_LENGTH, slugify } from "./slug.rules.js";

describe("slugify", () => {
  it.each([
    [
      "Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh",
      "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh",
    ],
    ["Đảng bộ phường Đức Giang", "dang-bo-phuong-duc-giang"],
    ["  Thu ngân sách đạt 111%!  ", "thu-ngan-sach-dat-111"],
    ["Nhiệm kỳ 2020 – 2025", "nhiem-ky-2020-2025"],
    ["“Gia đình văn hóa” – 90,42%", "gia-dinh-van-hoa-90-42"],
    ["!!!", ""],
    ["ĐĂNG KÝ", "dang-ky"],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts long titles at a hyphen, never mid-word", () => {
    const slug = slugify("phường Thượng Thanh ".repeat(20));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^phuong-thuong-thanh(-phuong-thuong-thanh)*$/);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("firstFreeSlug", () => {
  it("adds -2, -3… until the slug is free", async () => {
    const taken = new Set(["tin-moi", "tin-moi-2"]);
    expect(await firstFreeSlug("tin-moi", async (s) => taken.has(s))).toBe("tin-moi-3");
    expect(await firstFreeSlug("khac", async (s) => taken.has(s))).toBe("khac");
  });
});
