/**
 * The period's report as a Word draft ("Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2019"): the
 * State header of NĐ 30/2020 or the Party header of HD 36-HD/VPTW, the narrative, the figures table, and
 * highlighted placeholders in square brackets for what the data cannot say (assessment, causes, next
 * tasks, proposals, number, date, signer), which an officer fills in before issuing it. A4, Times New
 * Roman, margins 20/20/30/15 mm, body 14 pt justified with a 1,27 cm first-line indent, 6 pt after.
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
import { nextTasksHeading, type ReportHeader, type ReportRow } from "./period-report.rules.js";

const MM = 56.7; // twips per millimetre
const FONT = "Times New Roman";
const pt = (points: number) => points * 2; // docx sizes are half-points

export interface PeriodReport {
  header: ReportHeader;
  /** "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2019". */
  title: string;
  periodKey: string;
  /** "phường Thượng Thanh". */
  unitName: string;
  narrative: string | null;
  rows: ReportRow[];
  /** Figures that rest on estimates, said under the table. */
  note: string | null;
}

type RunOptions = { size?: number; bold?: boolean; italics?: boolean };

function run(text: string, options: RunOptions = {}): TextRun {
  const { size = 14, bold, italics } = options;
  return new TextRun({ text, font: FONT, size: pt(size), bold, italics });
}

/** A placeholder: in square brackets, italic and highlighted, so no one issues it unfilled. */
function blank(text: string, size = 14): TextRun {
  return new TextRun({ text: `[${text}]`, font: FONT, size: pt(size), italics: true, highlight: "yellow" });
}

function centered(children: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
}

function body(children: TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 720 },
    spacing: { after: 120, line: 276 },
    children,
  });
}

const heading = (text: string) =>
  new Paragraph({ spacing: { before: 120, after: 120 }, children: [run(text, { bold: true })] });

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
  const cell = (children: Paragraph[], size: number) =>
    new TableCell({ width: { size, type: WidthType.PERCENTAGE }, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

function header(h: ReportHeader): Table {
  const left = [
    ...h.left.map((line, i) => centered([run(line, { size: 13, bold: i === h.left.length - 1 })])),
    ...(h.star ? [centered([run("*", { size: 13 })])] : [centered([run("———", { size: 13 })])]),
    centered([run(h.number, { size: 13 })], 120),
  ];
  const right = [
    ...h.right.map((line, i) => centered([run(line, { size: i === 0 ? 12 : 13, bold: true })])),
    centered([run("———————", { size: 13 })], 120),
    centered([blank("Địa danh"), run(", ngày … tháng … năm …", { italics: true })]),
  ];
  return twoColumns(left, right, 45);
}

const COLUMNS = [
  ["TT", 5],
  ["Chỉ tiêu", 29],
  ["Đơn vị tính", 10],
  ["Kế hoạch", 11],
  ["Thực hiện", 11],
  ["% đạt", 10],
  ["Cùng kỳ năm trước", 12],
  ["So với cùng kỳ", 12],
] as const;

function figuresTable(rows: ReportRow[]): Table {
  const cell = (text: string, width: number, options: { bold?: boolean; left?: boolean } = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          alignment: options.left ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { size: 12, bold: options.bold })],
        }),
      ],
    });
  const head = new TableRow({
    tableHeader: true,
    children: COLUMNS.map(([label, width]) => cell(label, width, { bold: true })),
  });
  const lines = rows.map(
    (r, i) =>
      new TableRow({
        children: [
          String(i + 1),
          r.name,
          r.unit,
          r.target,
          r.actual,
          r.achievement,
          r.samePeriod,
          r.change,
        ].map((text, j) => cell(text, COLUMNS[j]?.[1] ?? 10, { left: j === 1 })),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...lines] });
}

function signature(h: ReportHeader): Table {
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
    new Paragraph({
      children: [run("- ", { size: 11 }), blank("Cơ quan cấp trên", 11), run(";", { size: 11 })],
    }),
    new Paragraph({ children: [run("- Lưu: VT.", { size: 11 })] }),
  ];
  const right = [
    centered([run(h.signing[0], { bold: true })]),
    centered([run(h.signing[1], { bold: true })], 1400),
    centered([blank("Họ và tên")]),
  ];
  return twoColumns(left, right, 50);
}

/** The .docx bytes of the report. */
export async function periodReportToDocx(report: PeriodReport): Promise<Buffer> {
  const children = [
    header(report.header),
    new Paragraph({
      spacing: { before: 360 },
      alignment: AlignmentType.CENTER,
      children: [run("BÁO CÁO", { bold: true })],
    }),
    centered([run(report.title, { bold: true })], 360),
    heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    body(report.narrative ? [run(report.narrative)] : [blank("Chưa có số liệu đã phê duyệt để tổng hợp")]),
    body([run(`Kết quả thực hiện các chỉ tiêu của ${report.unitName} (số liệu đã phê duyệt):`)]),
    figuresTable(report.rows),
    ...(report.note ? [body([run(report.note, { italics: true, size: 12 })])] : []),
    heading("II. ĐÁNH GIÁ CHUNG"),
    body([run("1. Ưu điểm: "), blank("Những kết quả nổi bật, mô hình, cách làm hay")]),
    body([run("2. Tồn tại, hạn chế và nguyên nhân: "), blank("Nguyên nhân khách quan, chủ quan")]),
    heading(`III. ${nextTasksHeading(report.periodKey).toLocaleUpperCase("vi-VN")}`),
    body([blank("Nhiệm vụ, giải pháp trọng tâm")]),
    heading("IV. KIẾN NGHỊ, ĐỀ XUẤT"),
    body([blank("Kiến nghị với cấp trên, nếu có")]),
    signature(report.header),
  ];
  const doc = new Document({
    creator: "giaoban",
    title: `Báo cáo ${report.title.charAt(0).toLocaleLowerCase("vi-VN")}${report.title.slice(1)}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
