import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { Sharp } from "sharp";
import type { Config } from "../../core/config.js";
import { loadSharp } from "../../core/lazy-libraries.js";
import {
  copyKeyOf,
  copyWidthsFor,
  detectPhotoType,
  isStorageKey,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_WIDTH,
  PHOTO_EXTENSION,
  PHOTO_MIME,
  type PhotoType,
} from "./media.rules.js";

/** Where uploaded files live: `<dataDir>/media/<storage key>`. */
export function mediaDirOf(config: Config): string {
  return path.join(config.dataDir, "media");
}

/** A smaller copy of a photo, in memory. */
export interface PreparedCopy {
  suffix: string;
  width: number;
  height: number;
  data: Buffer;
}

/** A photo checked and re-encoded in memory, not yet written anywhere. */
export interface PreparedPhoto {
  type: PhotoType;
  mimeType: string;
  data: Buffer;
  width: number;
  height: number;
  /** The list copy (480 px) and, for wide photos, a 960 px copy. */
  copies: PreparedCopy[];
  /** The list copy's bytes (the first of `copies`). */
  thumbnail: Buffer;
}

/** Why a file cannot be used as a photo, in words for the person who chose it. */
export class PhotoRejected extends Error {
  override name = "PhotoRejected";
}

function encode(image: Sharp, type: PhotoType): Sharp {
  if (type === "jpeg") return image.jpeg({ quality: 82, mozjpeg: true });
  if (type === "png") return image.png({ compressionLevel: 8 });
  return image.webp({ quality: 80 });
}

/**
 * Checks an uploaded file (JPEG, PNG or WebP by its first bytes, at most 10 MB) and re-encodes it:
 * turned upright from its EXIF orientation, at most 1600 px wide, with every metadata block (camera,
 * GPS position, author) left out; plus a 480 px list copy and, for photos wider than 960 px, a
 * 960 px copy (never enlarged).
 */
export async function preparePhoto(bytes: Uint8Array): Promise<PreparedPhoto> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new PhotoRejected("Ảnh không được lớn hơn 10 MB.");
  const type = detectPhotoType(bytes);
  if (!type) throw new PhotoRejected("Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
  const sharp = await loadSharp();
  try {
    // sharp keeps no metadata unless asked (`keepMetadata`), which is exactly what we want.
    const source = sharp(bytes, { limitInputPixels: 100_000_000, failOn: "error" }).rotate();
    const sized = (width: number) =>
      encode(source.clone().resize({ width, withoutEnlargement: true }), type).toBuffer({
        resolveWithObject: true,
      });
    const main = await sized(MAX_PHOTO_WIDTH);
    const copies: PreparedCopy[] = [];
    for (const copy of copyWidthsFor(main.info.width)) {
      const out = await sized(copy.width);
      copies.push({ suffix: copy.suffix, width: out.info.width, height: out.info.height, data: out.data });
    }
    return {
      type,
      mimeType: PHOTO_MIME[type],
      data: main.data,
      width: main.info.width,
      height: main.info.height,
      copies,
      thumbnail: (copies[0] as PreparedCopy).data,
    };
  } catch {
    throw new PhotoRejected("Không đọc được tệp ảnh (tệp bị hỏng hoặc không đúng định dạng).");
  }
}

/** One stored file of a photo. */
export interface StoredFile {
  key: string;
  width: number;
  height: number;
  byteSize: number;
}

export interface StoredPhoto {
  key: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
  /** The list copy. */
  thumbnailKey: string;
  thumbnailByteSize: number;
  /** Every file of the photo, main one included, narrowest first. */
  files: StoredFile[];
}

/** Every key a stored photo wrote (to delete them all when the save that needed them fails). */
export function keysOf(photo: StoredPhoto): string[] {
  return photo.files.map((f) => f.key);
}

/** Writes a prepared photo and its copies under a fresh random key; nothing is left behind on failure. */
export async function writePhotoFiles(mediaDir: string, photo: PreparedPhoto): Promise<StoredPhoto> {
  await mkdir(mediaDir, { recursive: true });
  const key = `${randomBytes(16).toString("hex")}.${PHOTO_EXTENSION[photo.type]}`;
  const files: (StoredFile & { data: Buffer })[] = [
    ...photo.copies.map((copy) => ({
      key: copyKeyOf(key, copy.suffix),
      width: copy.width,
      height: copy.height,
      byteSize: copy.data.byteLength,
      data: copy.data,
    })),
    { key, width: photo.width, height: photo.height, byteSize: photo.data.byteLength, data: photo.data },
  ].sort((a, b) => a.width - b.width || a.byteSize - b.byteSize);
  const written: string[] = [];
  try {
    for (const file of files) {
      // `wx`: never overwrite a file, even on the 2^-128 chance of a repeated key.
      await writeFile(path.join(mediaDir, file.key), file.data, { flag: "wx" });
      written.push(file.key);
    }
  } catch (error) {
    await removeMediaFiles(mediaDir, written);
    throw error;
  }
  const thumbnail = files.find((f) => f.key === copyKeyOf(key, "t"));
  return {
    key,
    mimeType: photo.mimeType,
    byteSize: photo.data.byteLength,
    width: photo.width,
    height: photo.height,
    thumbnailKey: thumbnail?.key ?? key,
    thumbnailByteSize: thumbnail?.byteSize ?? photo.data.byteLength,
    files: files.map(({ data: _data, ...file }) => file),
  };
}

/** Deletes files by key; a missing file is not an error (the goal is that it is gone). */
export async function removeMediaFiles(mediaDir: string, keys: string[]): Promise<void> {
  for (const key of keys) {
    if (!isStorageKey(key)) continue;
    await unlink(path.join(mediaDir, key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}

/**
 * Opens a stored file for streaming. The key comes from the media table and is checked again here,
 * so no request text is ever joined to a path. Null when the file is missing on disk.
 */
export async function openMediaFile(
  mediaDir: string,
  storageKey: string,
): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  if (!isStorageKey(storageKey)) return null;
  const root = path.resolve(mediaDir);
  const file = path.join(root, storageKey);
  if (path.dirname(file) !== root) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return { stream, size: info.size };
  } catch {
    return null;
  }
}
