import { describe, expect, it } from "vitest";
import { detectPhotoType, isStorageKey, mainKeyOfCopy, thumbnailKeyOf } from "./media.rules.js";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("detectPhotoType", () => {
  it.each([
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "jpeg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "png"],
    ["WebP", new Uint8Array([...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WEBPVP8 ")]), "webp"],
    ["GIF", ascii("GIF89a...."), null],
    ["SVG named .png", ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), null],
    ["HTML", ascii("<!doctype html><script>alert(1)</script>"), null],
    ["RIFF that is a WAV", new Uint8Array([...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WAVEfmt ")]), null],
    ["truncated PNG", bytes(0x89, 0x50, 0x4e), null],
    ["empty", bytes(), null],
  ])("%s", (_name, input, expected) => {
    expect(detectPhotoType(input)).toBe(expected);
  });
});

describe("isStorageKey", () => {
  it.each([
    ["0123456789abcdef0123456789abcdef.jpg", true],
    ["0123456789abcdef0123456789abcdef-t.webp", true],
    ["thuong-thanh-2020-01-02-1.png", true],
    ["../secret.jpg", false],
    ["..", false],
    ["a/b.jpg", false],
    ["a\\b.jpg", false],
    ["%2e%2e%2fetc.jpg", false],
    [".hidden.jpg", false],
    ["noextension", false],
    ["a.jpg\u0000.png", false],
  ])("%s → %s", (key, expected) => {
    expect(isStorageKey(key)).toBe(expected);
  });

  it("derives the list-size copy's key", () => {
    expect(thumbnailKeyOf("0123456789abcdef0123456789abcdef.jpg")).toBe(
      "0123456789abcdef0123456789abcdef-t.jpg",
    );
  });

  it("finds the main key back from a copy's key, and nothing from a main key", () => {
    const main = "0123456789abcdef0123456789abcdef.jpg";
    expect(mainKeyOfCopy(thumbnailKeyOf(main))).toBe(main);
    expect(mainKeyOfCopy("0123456789abcdef0123456789abcdef-m.webp")).toBe(
      "0123456789abcdef0123456789abcdef.webp",
    );
    expect(mainKeyOfCopy(main)).toBeNull();
  });
});
