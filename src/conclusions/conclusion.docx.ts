/**
 * A conclusion notice as a Word document in the form of its issuer's document system
 * (document-format.rules.ts, domain.md §6 and §8), by the rule set in force on its date:
 * - Party bodies (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" top right with a line under it, the
 *   higher Party organisation, the issuing body and a star top left, "Số 136-TB/QU" without a colon,
 *   "Nơi nhận:" underlined with "- Lưu Văn phòng …", "T/M BAN THƯỜNG VỤ";
 * - State bodies (NĐ 30/2020/NĐ-CP, before it TT 01/2011/TT-BNV): Quốc hiệu and Tiêu ngữ top right, the
 *   issuing body with a line under it top left, "Số: 12/TB-UBND", "Nơi nhận:" bold italic with
 *   "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH".
 * Both: A4, Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; place and date in
 * italics; body 14 pt, justified, first-line indent 1,27 cm, 6 pt after each paragraph; sub-items
 * a), b); page numbers from page 2.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from "docx";
import { AREA_LABELS, type AreaCode } from "../directives/areas.js";
import { deadlineText } from "../directives/deadline-text.js";
import type { DirectiveRecord } from "../directives/directives.model.js";
import type { NoticeRecord } from "./conclusions.repo.js";
import {
  type FormatRules,
  noticeFormat,
  recipientLines,
  signatureLines,
  subItemMarker,
} from "./document-format.rules.js";

const MM = 56.7; // twips per millimetre
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: Math.round(20 * MM),
    bottom: Math.round(20 * MM),
    left: Math.round(30 * MM),
    right: Math.round(15 * MM),
  },
};
const FONT = "Times New Roman";
const pt = (points: number) => points * 2; // docx sizes are half-points

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

function run(text: string, options: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(options.size ?? 14),
    bold: options.bold,
    italics: options.italics,
    underline: options.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function centered(children: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
}

/** A short centred rule under a header line (NĐ 30 and HD 36 both draw one). */
function rule(after = 120): Paragraph {
  return centered([run("———————", { size: 11 })], after);
}

/** A body paragraph: 14 pt, justified, first-line indent 1,27 cm, 6 pt after. */
function body(children: TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 720 },
    spacing: { after: 120, line: 276 },
    children,
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftPercent, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({ width: { size: 100 - leftPercent, type: WidthType.PERCENTAGE }, children: right }),
        ],
      }),
    ],
  });
}

/** "Long Biên, ngày 05 tháng 01 năm 2020" (days and months below 10 with a leading zero, as NĐ 30 asks for 1–2). */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

function header(n: NoticeRecord, r: FormatRules): Table {
  const size = r.sizes.body;
  const left = [
    ...(n.parentBody ? [centered([run(n.parentBody.toLocaleUpperCase("vi"), { size })])] : []),
    centered([run(n.issuingBody.toLocaleUpperCase("vi"), { size, bold: true })]),
    r.bodyMark === "star" ? centered([run("*", { size })], 120) : rule(),
    centered([run(`${r.numberPrefix}${n.number}`, { size: r.sizes.number })]),
  ];
  const [first, ...rest] = r.title;
  const right = [
    centered([run(first ?? "", { size: r.sizes.title, bold: true })]),
    ...rest.map((line) => centered([run(line, { size: r.sizes.title + 1, bold: true })])),
    rule(),
    centered([run(placeAndDate(n.placeName, n.issuedOn), { size: 14, italics: true })]),
  ];
  return twoColumns(left, right, r.system === "party" ? 50 : 42);
}

function itemParagraphs(n: NoticeRecord, directives: DirectiveRecord[]): Paragraph[] {
  const out: Paragraph[] = [];
  const siblings = new Map<number | null, number>();
  for (const item of n.items) {
    const place = siblings.get(item.parentItemId) ?? 0;
    siblings.set(item.parentItemId, place + 1);
    const label = AREA_LABELS[item.area as AreaCode];
    const sub = item.parentItemId !== null;
    const heading =
      !sub && item.area !== "other" && label ? `Về ${label.charAt(0).toLowerCase()}${label.slice(1)}: ` : "";
    const marker = sub ? `${subItemMarker(item.number, place)} ` : `${item.number}. `;
    out.push(body([run(marker, { bold: !sub }), run(heading, { bold: true }), run(item.text)]));
    for (const d of directives.filter((x) => x.itemId === item.id)) {
      const co =
        d.coordinators.length > 0 ? `; phối hợp: ${d.coordinators.map((c) => c.name).join(", ")}` : "";
      out.push(
        body([
          run(`Đơn vị chủ trì: ${d.lead.name}${co}; thời hạn: ${deadlineText(d.deadline)}.`, {
            italics: true,
          }),
        ]),
      );
    }
  }
  return out;
}

function signature(n: NoticeRecord, r: FormatRules): Table {
  const left = [
    new Paragraph({
      children: [run("Nơi nhận:", r.recipients.heading)],
    }),
    ...recipientLines(r, n.recipients, n.issuingBody).map(
      (line) => new Paragraph({ children: [run(line, { size: r.recipients.size })] }),
    ),
  ];
  const lines = signatureLines(r, n);
  const right = [
    ...lines.map((line, i) =>
      centered(
        [run(line, { bold: r.system === "state" || i < lines.length - 1 })],
        i === lines.length - 1 ? 1400 : 0,
      ),
    ),
    centered([run(n.signerName, { bold: true })]),
  ];
  return twoColumns(left, right, 50);
}

/** Page numbers from page 2: the first page has an empty header and footer of its own. */
function pageNumbers(r: FormatRules) {
  const number = new Paragraph({
    alignment: r.pageNumbers === "header-center" ? AlignmentType.CENTER : AlignmentType.RIGHT,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })],
  });
  const empty = () => [new Paragraph({ children: [] })];
  return r.pageNumbers === "header-center"
    ? {
        headers: { default: new Header({ children: [number] }), first: new Header({ children: empty() }) },
      }
    : {
        footers: { default: new Footer({ children: [number] }), first: new Footer({ children: empty() }) },
      };
}

/** The .docx bytes of a notice with its directives. */
export async function noticeToDocx(n: NoticeRecord, directives: DirectiveRecord[]): Promise<Buffer> {
  const r = noticeFormat(n);
  const children = [
    header(n, r),
    new Paragraph({
      spacing: { before: 360 },
      alignment: AlignmentType.CENTER,
      children: [run("THÔNG BÁO", { size: r.sizes.docType, bold: true })],
    }),
    centered([run(n.title, { bold: true })]),
    centered([run("-----", { size: 14 })], 240),
    ...(n.preamble ? n.preamble.split(/\n\s*\n/).map((p) => body([run(p.replace(/\s+/g, " ").trim())])) : []),
    ...itemParagraphs(n, directives),
    body([run("Thông báo để các cơ quan, đơn vị biết, thực hiện./.")]),
    signature(n, r),
  ];
  const doc = new Document({
    creator: "giaoban",
    title: `Thông báo ${n.number}`,
    description: r.basis,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
          titlePage: true,
        },
        ...pageNumbers(r),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
