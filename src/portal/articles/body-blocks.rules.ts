/**
 * An article body as a list of top-level blocks (paragraphs, lists, headings, tables…), so that photos
 * can be placed between them: a photo's `position` is the number of blocks that come before it.
 *
 * Works on the output of `sanitizeArticleHtml` only: there every `<` and `>` in text and attribute
 * values is escaped and every non-void tag is closed, so a tag scanner is exact.
 */

const BLOCK_TAGS = new Set(["p", "ul", "ol", "h2", "h3", "h4", "blockquote", "figure", "table"]);
const VOID_TAGS = new Set(["br", "img"]);
const TOKEN = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>|[^<]+/g;

/**
 * Splits sanitised HTML into its top-level blocks. Loose inline content between blocks (text, links,
 * line breaks) is wrapped in a paragraph of its own; runs that are only whitespace are dropped.
 */
export function splitTopLevelBlocks(html: string): string[] {
  const blocks: string[] = [];
  let inline = "";
  let current = "";
  let depth = 0;
  let inBlock = false;

  const flushInline = () => {
    const trimmed = inline.replace(/^(?:\s|<br \/>)+|(?:\s|<br \/>)+$/g, "");
    if (trimmed !== "") blocks.push(`<p>${trimmed}</p>`);
    inline = "";
  };

  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const closing = match[1] === "/";
    const tag = match[2];
    if (inBlock) {
      current += token;
      if (tag && !VOID_TAGS.has(tag)) depth += closing ? -1 : 1;
      if (depth === 0) {
        blocks.push(current);
        current = "";
        inBlock = false;
      }
      continue;
    }
    if (tag && !closing && BLOCK_TAGS.has(tag)) {
      flushInline();
      inBlock = true;
      depth = 1;
      current = token;
      continue;
    }
    inline += token;
  }
  // Unclosed block (not produced by the sanitiser, but never lose text).
  if (inBlock && current !== "") blocks.push(current);
  flushInline();
  return blocks;
}

export interface PlacedImage {
  position: number | null;
  sortOrder: number;
  id: number;
}

export type BodyPart<I> = { kind: "html"; html: string } | { kind: "image"; image: I };

/**
 * Interleaves body blocks and photos: a photo with position p comes after the first p blocks
 * (clamped to the body's length); null puts it after the body. Photos at the same place keep their
 * sort order.
 */
export function placeImages<I extends PlacedImage>(blocks: string[], images: I[]): BodyPart<I>[] {
  const slot = (image: I) =>
    image.position === null ? blocks.length : Math.min(Math.max(image.position, 0), blocks.length);
  const sorted = [...images].sort((a, b) => slot(a) - slot(b) || a.sortOrder - b.sortOrder || a.id - b.id);
  const parts: BodyPart<I>[] = [];
  let next = 0;
  for (let i = 0; i <= blocks.length; i++) {
    while (next < sorted.length && slot(sorted[next] as I) === i) {
      parts.push({ kind: "image", image: sorted[next] as I });
      next++;
    }
    const block = blocks[i];
    if (block !== undefined) parts.push({ kind: "html", html: block });
  }
  return parts;
}
