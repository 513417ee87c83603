/**
 * The text layer of a PDF notice, page by page, read with pdf.js (pdfjs-dist, its legacy build for
 * Node). A scanned notice has pictures of pages and no text layer: that is told apart so the person
 * gets a clear message instead of an empty review. Fonts are not loaded and no script runs.
 */
import { FILE_MESSAGES, looksScanned, tidyText } from "./notice-file.rules.js";

export interface PdfReading {
  text: string;
  pages: string[];
}

/** Pages of a large file past this are not read: a notice is a few pages long. */
const MAX_PAGES = 60;

interface TextItem {
  str?: string;
  hasEOL?: boolean;
  width?: number;
  transform?: number[];
}

interface Line {
  text: string;
  /** Baseline, left and right edge, in PDF units (y grows upwards). */
  y: number;
  left: number;
  right: number;
}

interface Glyph {
  ch: string;
  x: number;
  width: number;
  item: number;
}

/** An item's characters, each given an equal share of its width (pdf.js gives no glyph positions). */
function glyphsOf(str: string, x: number, width: number, item: number): Glyph[] {
  const chars = [...str];
  const each = width / Math.max(chars.length, 1);
  return chars.map((ch, i) => ({ ch, x: x + i * each, width: each, item }));
}

/**
 * Where a gap pdf.js wrote as a space is still empty once the letters of other items drawn into it
 * are placed: the start of its widest free stretch, or null when letters fill it.
 */
function freeSpaceAt(space: Glyph, letters: readonly Glyph[], minimum: number): number | null {
  const end = space.x + space.width;
  const inside = letters
    .filter((l) => l.item !== space.item && l.x < end && l.x + l.width > space.x)
    .sort((a, b) => a.x - b.x);
  if (inside.length === 0) return space.x;
  let best: { at: number; width: number } = { at: space.x, width: 0 };
  let from = space.x;
  for (const l of [...inside, { x: end, width: 0 }]) {
    if (l.x - from > best.width) best = { at: from, width: l.x - from };
    from = Math.max(from, l.x + l.width);
  }
  return best.width >= minimum ? best.at : null;
}

/**
 * Items on one baseline make a line, read left to right, lines top to bottom; not the content
 * stream's order: a PDF may draw a line's letters in several passes, one per font (LibreOffice draws
 * the Vietnamese letters its first font lacks with a second font after the rest of the line), leaving
 * gaps that pdf.js reads as spaces. Letters are put back into their gaps by position.
 */
function linesOf(items: readonly TextItem[]): Line[] {
  const rows: { y: number; glyphs: Glyph[]; size: number }[] = [];
  items.forEach((item, i) => {
    if (typeof item.str !== "string" || item.str === "") return;
    const x = item.transform?.[4] ?? 0;
    const y = item.transform?.[5] ?? 0;
    let row = rows.find((r) => Math.abs(r.y - y) <= 2);
    if (!row) {
      row = { y, glyphs: [], size: Math.abs(item.transform?.[0] ?? 12) };
      rows.push(row);
    }
    row.glyphs.push(...glyphsOf(item.str, x, item.width ?? 0, i));
  });
  const lines: Line[] = [];
  for (const row of rows.sort((a, b) => b.y - a.y)) {
    const letters = row.glyphs.filter((g) => g.ch.trim() !== "");
    if (letters.length === 0) continue;
    const placed: Glyph[] = [...letters];
    for (const space of row.glyphs.filter((g) => g.ch.trim() === "")) {
      const at = freeSpaceAt(space, letters, row.size * 0.15);
      if (at !== null) placed.push({ ...space, ch: " ", x: at });
    }
    placed.sort((a, b) => a.x - b.x || a.item - b.item);
    // Text set apart without a space character (two table cells on one baseline) is apart all the same.
    const text = placed
      .map((g, i) => {
        const before = placed[i - 1];
        const apart = before && g.x - (before.x + before.width) > row.size * 0.3 && before.ch !== " ";
        return apart && g.ch !== " " ? ` ${g.ch}` : g.ch;
      })
      .join("");
    lines.push({
      text,
      y: row.y,
      left: Math.min(...letters.map((g) => g.x)),
      right: Math.max(...letters.map((g) => g.x + g.width)),
    });
  }
  return lines;
}

/** A line that opens a list item or a section: "1.", "a)", "-", "II.", "(3)". */
const STARTS_ITEM = /^\s*(\d+(\.\d+)*[.)]|[a-zđ]\)|\(\d+\)|[-–•+]|[IVXL]+\.)\s/u;

/**
 * A page's paragraphs: a PDF has lines, not paragraphs, so lines wrapped inside a paragraph are joined
 * again. A new paragraph starts where a line opens a list item, where the line before it stopped well
 * short of the right margin, or after a gap clearly taller than the usual line spacing.
 */
export function pageParagraphs(items: readonly TextItem[]): string[] {
  const lines = linesOf(items);
  if (lines.length === 0) return [];
  const margin = Math.max(...lines.map((l) => l.right));
  const gaps = lines
    .slice(1)
    .map((l, i) => (lines[i] as Line).y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, " ").trim();
    const joins =
      previous !== null &&
      !STARTS_ITEM.test(text) &&
      previous.right > margin - (margin - previous.left) * 0.12 &&
      !(usual > 0 && previous.y - line.y > usual * 1.3);
    if (joins) paragraphs[paragraphs.length - 1] += ` ${text}`;
    else paragraphs.push(text);
    previous = line;
  }
  return paragraphs;
}

/** Reads a PDF already checked by checkNoticeFile; throws Error(message) with a FILE_MESSAGES text. */
export async function readNoticePdf(bytes: Uint8Array): Promise<PdfReading> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = (error as { name?: string } | null)?.name;
    throw new Error(name === "PasswordException" ? FILE_MESSAGES.passwordPdf : FILE_MESSAGES.brokenPdf);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(document.numPages, MAX_PAGES); n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(tidyText(pageParagraphs(content.items as TextItem[]).join("\n")));
      page.cleanup();
    }
    if (looksScanned(pages)) throw new Error(FILE_MESSAGES.scannedPdf);
    return { text: pages.join("\n\n"), pages };
  } catch (error) {
    if (error instanceof Error && Object.values(FILE_MESSAGES).includes(error.message as never)) throw error;
    throw new Error(FILE_MESSAGES.brokenPdf);
  } finally {
    await document.destroy().catch(() => {});
  }
}
