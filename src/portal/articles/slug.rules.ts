import { foldVietnamese } from "../../core/text/fold.js";

/** Longest slug we generate; long titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 100;

/** What a stored slug looks like: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A URL slug from Vietnamese text: accents folded (đ → d), anything that is not a letter or digit
 * becomes a hyphen, cut to `maxLength` at a hyphen. Empty when the text has no letter or digit.
 * @example slugify("Ban Thường vụ Quận ủy Long Biên") === "ban-thuong-vu-quan-uy-long-bien"
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

/** `base`, or `base-2`, `base-3`… : the first candidate `isTaken` rejects not. */
export async function firstFreeSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
