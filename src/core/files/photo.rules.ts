/** The formats of uploaded photos, told by their first bytes. Pure: no file system, no image library. */

export type PhotoType = "jpeg" | "png" | "webp";

export const PHOTO_MIME: Record<PhotoType, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export const PHOTO_EXTENSION: Record<PhotoType, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
};

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
}

/**
 * The photo format from the file's first bytes ("magic numbers"), never from its name or the
 * browser's declared type, both of which the sender controls. Null for anything else.
 */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "webp";
  return null;
}
