/**
 * A conclusion notice as a Word document in the layout of NĐ 30/2020/NĐ-CP (domain.md §6): A4, Times
 * New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; header with the issuing body and
 * "Số: …" on the left, Quốc hiệu and Tiêu ngữ on the right, place and date in italics; body 14 pt,
 * justified, first-line indent 1,27 cm, 6 pt after each paragraph; "Nơi nhận:" 12 pt bold italic with
 * its list in 11 pt ending "- Lưu: VT."; the signature block (T/M…, title, name) on the right.
 *
 * Party notices (TB/QU) formally follow Hướng dẫn 36-HD/VPTW; the NĐ 30 state layout is what this
 * product prints for all notices, as the issue asks.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { AREA_LABELS, type AreaCode } from "../directives/areas.js";
import { deadlineText } from "../directives/deadline-text.js";
import type { DirectiveRecord } from "../directives/directives.model.js";
import type { NoticeRecord } from "./conclusions.repo.js";

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

function run(
  text: string,
  options: { size?: number; bold?: boolean; italics?: boolean; allCaps?: boolean } = {},
): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(options.size ?? 14),
    bold: options.bold,
    italics: options.italics,
  });
}

function centered(children: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
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

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
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

function header(n: NoticeRecord): Table {
  const left = [
    ...(n.parentBody ? [centered([run(n.parentBody.toUpperCase(), { size: 13 })])] : []),
    centered([run(n.issuingBody.toUpperCase(), { size: 13, bold: true })]),
    centered([run("*", { size: 13 })], 120),
    centered([run(`Số: ${n.number}`, { size: 13 })]),
  ];
  const right = [
    centered([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true })]),
    centered([run("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true })]),
    centered([run("———————", { size: 13 })], 120),
    centered([run(placeAndDate(n.placeName, n.issuedOn), { size: 14, italics: true })]),
  ];
  return twoColumns(left, right, 42);
}

function itemParagraphs(n: NoticeRecord, directives: DirectiveRecord[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const item of n.items) {
    const label = AREA_LABELS[item.area as AreaCode];
    const heading =
      item.area !== "other" && label ? `Về ${label.charAt(0).toLowerCase()}${label.slice(1)}: ` : "";
    const marker = item.parentItemId === null ? `${item.number}. ` : `${item.number}) `;
    out.push(
      body([run(marker, { bold: item.parentItemId === null }), run(heading, { bold: true }), run(item.text)]),
    );
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

function signature(n: NoticeRecord): Table {
  const recipients = (n.recipients ?? "")
    .split("\n")
    .map((l) => l.trim().replace(/^[-–]\s*/, ""))
    .filter(Boolean);
  if (!recipients.some((r) => /^Lưu\b/.test(r))) recipients.push("Lưu: VT.");
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
    ...recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 11 })] })),
  ];
  const right = [
    ...(n.signingAuthority ? [centered([run(n.signingAuthority.toUpperCase(), { bold: true })])] : []),
    centered([run(n.signerTitle.toUpperCase(), { bold: true })], 1400),
    centered([run(n.signerName, { bold: true })]),
  ];
  return twoColumns(left, right, 50);
}

/** The .docx bytes of a notice with its directives. */
export async function noticeToDocx(n: NoticeRecord, directives: DirectiveRecord[]): Promise<Buffer> {
  const children = [
    header(n),
    new Paragraph({
      spacing: { before: 360 },
      alignment: AlignmentType.CENTER,
      children: [run("THÔNG BÁO", { bold: true })],
    }),
    centered([run(n.title, { bold: true })], 360),
    ...(n.preamble ? n.preamble.split(/\n\s*\n/).map((p) => body([run(p.replace(/\s+/g, " ").trim())])) : []),
    ...itemParagraphs(n, directives),
    body([run("Thông báo để các cơ quan, đơn vị biết, thực hiện./.")]),
    signature(n),
  ];
  const doc = new Document({
    creator: "giaoban",
    title: `Thông báo ${n.number}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
