/**
 * The text of a Word notice (.docx) for the conclusion reader, and a simple HTML rendering of it to
 * show beside the review, both read with mammoth. Word's automatic list numbers are not in the text
 * of a paragraph, so they are written back in ("1.", then "a)" one level down, "-" for bullets and
 * deeper levels): the reader finds the items by them. Images are not read.
 */
import { FILE_MESSAGES, tidyText } from "./notice-file.rules.js";

interface MammothNode {
  type: string;
  value?: string;
  children?: MammothNode[];
  numbering?: { isOrdered: boolean; level: string } | null;
}

const LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split(" ");

function textOf(node: MammothNode): string {
  if (node.type === "text") return node.value ?? "";
  if (node.type === "tab") return "\t";
  if (node.type === "break") return "\n";
  return (node.children ?? []).map(textOf).join("");
}

/** Paragraphs in document order (table cells included), each with its list marker written in. */
export function paragraphsWithNumbers(document: MammothNode): string[] {
  const out: string[] = [];
  // Counters per list level object (mammoth hands the same object for the same list and level).
  const counters = new Map<object, number>();
  let open: { level: number; key: object }[] = [];
  const visit = (node: MammothNode) => {
    if (node.type === "paragraph") {
      const text = textOf(node).trim();
      const numbering = node.numbering;
      let marker = "";
      if (numbering) {
        const level = Number(numbering.level) || 0;
        // A shallower item restarts the deeper lists under it.
        for (const o of open.filter((x) => x.level > level)) counters.delete(o.key);
        open = [...open.filter((x) => x.level < level), { level, key: numbering }];
        const n = (counters.get(numbering) ?? 0) + 1;
        counters.set(numbering, n);
        if (!numbering.isOrdered || level > 1) marker = "- ";
        else marker = level === 0 ? `${n}. ` : `${LETTERS[n - 1] ?? n}) `;
      }
      if (text) out.push(`${marker}${text}`);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(document);
  return out;
}

export interface DocxReading {
  text: string;
  /** mammoth's HTML, to be sanitised before it is shown. */
  html: string;
}

/** Reads a .docx already checked by checkNoticeFile; throws Error(FILE_MESSAGES.brokenDocx) on a bad one. */
export async function readNoticeDocx(bytes: Uint8Array): Promise<DocxReading> {
  const mammoth = (await import("mammoth")).default;
  let paragraphs: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: MammothNode) => {
          paragraphs = paragraphsWithNumbers(document);
          return document;
        },
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    return { text: tidyText(paragraphs.join("\n")), html: result.value };
  } catch {
    throw new Error(FILE_MESSAGES.brokenDocx);
  }
}
