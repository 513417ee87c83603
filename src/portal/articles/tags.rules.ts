import { slugify } from "./slug.rules.js";

/** How tags are typed in the editor's form: names separated by commas or semicolons. */

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 60;

export const TAG_MESSAGES = {
  tooMany: `Mỗi bài viết có tối đa ${MAX_TAGS} từ khóa.`,
  tooLong: `Mỗi từ khóa dài tối đa ${MAX_TAG_LENGTH} ký tự.`,
  noLetter: "Từ khóa phải có ít nhất một chữ cái hoặc chữ số.",
} as const;

export interface ParsedTag {
  name: string;
  slug: string;
}

/**
 * Reads "Hộ nghèo, chuyển đổi số; Thượng Thanh" into tags: trimmed, inner spaces collapsed, one per
 * slug (the first spelling wins, so "hộ nghèo" after "Hộ nghèo" adds nothing), in the order typed.
 */
export function parseTags(input: string): { tags: ParsedTag[]; error?: string } {
  const tags: ParsedTag[] = [];
  const seen = new Set<string>();
  for (const raw of input.split(/[,;\n]/)) {
    const name = raw.replace(/\s+/g, " ").trim();
    if (name === "") continue;
    if (name.length > MAX_TAG_LENGTH) return { tags, error: TAG_MESSAGES.tooLong };
    const slug = slugify(name);
    if (slug === "") return { tags, error: TAG_MESSAGES.noLetter };
    if (seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ name, slug });
  }
  if (tags.length > MAX_TAGS) return { tags, error: TAG_MESSAGES.tooMany };
  return { tags };
}

/** The form's text for a list of tag names. */
export function formatTags(names: string[]): string {
  return names.join(", ");
}
