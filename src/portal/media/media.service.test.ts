import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  openMediaFile,
  PhotoRejected,
  preparePhoto,
  removeMediaFiles,
  writePhotoFiles,
} from "./media.service.js";

function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#b3261e" } });
}

describe("preparePhoto", () => {
  it("caps the width at 1600 px, keeps the format and makes a 480 px list copy", async () => {
    const png = await photo(2400, 1200).png().toBuffer();
    const prepared = await preparePhoto(png);
    expect(prepared).toMatchObject({ type: "png", mimeType: "image/png", width: 1600, height: 800 });
    const main = await sharp(prepared.data).metadata();
    const thumb = await sharp(prepared.thumbnail).metadata();
    expect([main.format, main.width, main.height]).toEqual(["png", 1600, 800]);
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["png", 480, 240]);
  });

  it("makes a 960 px copy for photos wider than 960 px, and records every file's size", async () => {
    const prepared = await preparePhoto(await photo(2000, 1000).jpeg().toBuffer());
    expect(prepared.copies.map((c) => [c.suffix, c.width, c.height])).toEqual([
      ["t", 480, 240],
      ["m", 960, 480],
    ]);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "giaoban-media-")), "media");
    const stored = await writePhotoFiles(dir, prepared);
    expect(stored.files.map((f) => [f.key.replace(/^[0-9a-f]{32}/, "<key>"), f.width])).toEqual([
      ["<key>-t.jpg", 480],
      ["<key>-m.jpg", 960],
      ["<key>.jpg", 1600],
    ]);
    expect(readdirSync(dir).sort()).toEqual(stored.files.map((f) => f.key).sort());
    const narrow = await preparePhoto(await photo(900, 600).jpeg().toBuffer());
    expect(narrow.copies.map((c) => c.suffix)).toEqual(["t"]);
  });

  it("does not enlarge small photos", async () => {
    const prepared = await preparePhoto(await photo(300, 200).webp().toBuffer());
    expect([prepared.type, prepared.width, prepared.height]).toEqual(["webp", 300, 200]);
    expect((await sharp(prepared.thumbnail).metadata()).width).toBe(300);
  });

  it("strips EXIF (camera, GPS, author) and applies the orientation", async () => {
    const jpeg = await photo(400, 200)
      .jpeg()
      .withExif({ IFD0: { Artist: "Nguyen Van A", Copyright: "secret" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    const prepared = await preparePhoto(jpeg);
    const after = await sharp(prepared.data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Turned upright: the 400×200 landscape stored with "rotate 90°" is a 200×400 portrait.
    expect([after.width, after.height]).toEqual([200, 400]);
    expect(prepared.data.includes(Buffer.from("Nguyen Van A"))).toBe(false);
  });

  it("refuses anything that is not JPEG, PNG or WebP by its bytes", async () => {
    const gif = await photo(10, 10).gif().toBuffer();
    await expect(preparePhoto(gif)).rejects.toThrow(new PhotoRejected("Chỉ nhận ảnh JPEG, PNG hoặc WebP."));
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    await expect(preparePhoto(svg)).rejects.toBeInstanceOf(PhotoRejected);
  });

  it("refuses a file that starts like a PNG but is not one", async () => {
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from("<script>alert(1)</script>"),
    ]);
    await expect(preparePhoto(fake)).rejects.toThrow("Không đọc được tệp ảnh");
  });

  it("refuses files over 10 MB before decoding them", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    big.set([0xff, 0xd8, 0xff], 0);
    await expect(preparePhoto(big)).rejects.toThrow("Ảnh không được lớn hơn 10 MB.");
  });
});

describe("media files", () => {
  it("writes under random keys, opens by key only, and removes", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "giaoban-media-")), "media");
    const stored = await writePhotoFiles(dir, await preparePhoto(await photo(100, 50).png().toBuffer()));
    expect(stored.key).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(stored.thumbnailKey).toBe(stored.key.replace(".png", "-t.png"));
    expect(readdirSync(dir).sort()).toEqual([stored.key, stored.thumbnailKey].sort());
    expect(readFileSync(path.join(dir, stored.key)).byteLength).toBe(stored.byteSize);

    const opened = await openMediaFile(dir, stored.key);
    expect(opened?.size).toBe(stored.byteSize);
    await opened?.stream.cancel();
    expect(await openMediaFile(dir, "../media/x.png")).toBeNull();
    expect(await openMediaFile(dir, "missing.png")).toBeNull();

    await removeMediaFiles(dir, [stored.key, stored.thumbnailKey, "missing.png"]);
    expect(readdirSync(dir)).toEqual([]);
  });
});
