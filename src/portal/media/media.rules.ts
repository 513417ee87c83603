/** Rules for uploaded photos. Pure: no file system, no image library. */

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Wider photos are scaled down: enough for any article column, far smaller than a camera's original. */
export const MAX_PHOTO_WIDTH = 1600;
/** Width of the copy shown in article lists. */
export const THUMBNAIL_WIDTH = 480;

/**
 * The smaller copies made of every photo besides the main file (at most 1600 px wide), so pages can
 * offer `srcset` and phones download a fraction of the bytes. The 480 px one is the list copy. A
 * copy is made only when the main file is wider than it, except the list copy, which always exists.
 */
export const PHOTO_COPIES = [
  { width: THUMBNAIL_WIDTH, suffix: "t" },
  { width: 960, suffix: "m" },
] as const;

/** The widths of copies to make for a main file `mainWidth` px wide. */
export function copyWidthsFor(mainWidth: number): { width: number; suffix: string }[] {
  return PHOTO_COPIES.filter((copy) => copy.suffix === "t" || copy.width < mainWidth);
}

// Sniffing a photo's type is the floor's (core/files/photo.rules.ts): citizens' feedback uses it too.
export {
  detectPhotoType,
  PHOTO_EXTENSION,
  PHOTO_MIME,
  type PhotoType,
} from "../../core/files/photo.rules.js";

/**
 * A storage key is a plain file name inside the media folder: letters, digits, `_` and `-`, one dot
 * before the extension. No separators and no `..`, so it can never leave that folder. Uploads get
 * `<32 hex>.<ext>`, their list-size copy `<32 hex>-t.<ext>` and a 960 px copy `<32 hex>-m.<ext>`.
 */
const STORAGE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,150}\.[a-z0-9]{1,5}$/;

/** True for a name that may be joined to the media folder path. */
export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

/** The key of a smaller copy of a photo: `<key>-<suffix>.<ext>`. */
export function copyKeyOf(key: string, suffix: string): string {
  return key.replace(/\.([a-z0-9]+)$/, `-${suffix}.$1`);
}

/** The main photo's key of a copy's key (`<key>-t.jpg` gives `<key>.jpg`); null for a main key. */
export function mainKeyOfCopy(key: string): string | null {
  const suffixes = PHOTO_COPIES.map((copy) => copy.suffix).join("|");
  const main = key.replace(new RegExp(`-(?:${suffixes})\\.([a-z0-9]+)$`), ".$1");
  return main === key ? null : main;
}

/** The key of a photo's list-size copy. */
export function thumbnailKeyOf(key: string): string {
  return copyKeyOf(key, "t");
}
