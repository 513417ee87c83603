/**
 * One photo re-encoded for keeping as a private file (core/files): checked by its first bytes, turned
 * upright from its EXIF orientation, scaled down to a width, and written again with every metadata
 * block (camera, GPS position, author) left out. Citizens' photos often carry where they were taken.
 */
import { loadSharp } from "../lazy-libraries.js";
import { detectPhotoType, PHOTO_EXTENSION, PHOTO_MIME } from "./photo.rules.js";

export const MAX_UPLOAD_PHOTO_BYTES = 10 * 1024 * 1024;

export interface CleanPhoto {
  data: Buffer;
  mimeType: string;
  extension: string;
  width: number;
  height: number;
}

/** Why a file cannot be used as a photo, in words for the person who chose it. */
export class PhotoRefused extends Error {
  override name = "PhotoRefused";
}

/** The photo re-encoded without metadata, at most `maxWidth` px wide; {@link PhotoRefused} otherwise. */
export async function cleanPhoto(bytes: Uint8Array, maxWidth = 1600): Promise<CleanPhoto> {
  if (bytes.byteLength > MAX_UPLOAD_PHOTO_BYTES) throw new PhotoRefused("Ảnh không được lớn hơn 10 MB.");
  const type = detectPhotoType(bytes);
  if (!type) throw new PhotoRefused("Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
  const sharp = await loadSharp();
  try {
    // sharp writes no metadata unless asked (`keepMetadata`).
    const image = sharp(bytes, { limitInputPixels: 100_000_000, failOn: "error" })
      .rotate()
      .resize({ width: maxWidth, withoutEnlargement: true });
    const encoded =
      type === "jpeg"
        ? image.jpeg({ quality: 82 })
        : type === "png"
          ? image.png()
          : image.webp({ quality: 80 });
    const out = await encoded.toBuffer({ resolveWithObject: true });
    return {
      data: out.data,
      mimeType: PHOTO_MIME[type],
      extension: PHOTO_EXTENSION[type],
      width: out.info.width,
      height: out.info.height,
    };
  } catch {
    throw new PhotoRefused("Không đọc được tệp ảnh (tệp bị hỏng hoặc không đúng định dạng).");
  }
}
