/**
 * A real Word notice for the import tests: the nine conclusions of the reference story (the public
 * article "Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh", 02/01/2020; source in
 * test/fixtures/README.md), set in a Party notice's header as a district committee's office writes one,
 * the items numbered by Word's own list numbering (not typed), as offices usually do.
 */
import { readFileSync } from "node:fs";
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const ARTICLE = readFileSync(new URL("../fixtures/thuong-thanh-2020-01-02.txt", import.meta.url), "utf8");

/** The article's nine conclusions, without their typed numbers ("1. Về phát triển kinh tế : …"). */
export const REFERENCE_ITEMS: string[] = ARTICLE.split("\n")
  .filter((l) => /^\d\. /.test(l))
  .map((l) => l.replace(/^\d\. /, "").trim());

const line = (text: string, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });

/** The .docx bytes of the notice. */
export async function referenceNoticeDocx(): Promise<Buffer> {
  const cell = (children: Paragraph[]) =>
    new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell([
            line("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"),
            line("QUẬN ỦY LONG BIÊN", true),
            line("*"),
            line("Số 136-TB/QU"),
          ]),
          cell([line("ĐẢNG CỘNG SẢN VIỆT NAM", true), line("Long Biên, ngày 05 tháng 01 năm 2020")]),
        ],
      }),
    ],
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: "Times New Roman", size: 28 } } } },
    numbering: {
      config: [
        {
          reference: "items",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          header,
          line("THÔNG BÁO", true),
          line("Kết luận của đồng chí Bí thư Quận ủy tại buổi làm việc với phường Thượng Thanh", true),
          new Paragraph({
            children: [
              new TextRun(
                "Chiều 02/01/2020, tại Phòng họp 1 UBND phường Thượng Thanh, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh. Về một số nhiệm vụ đặt ra, đồng chí Bí thư Quận ủy kết luận:",
              ),
            ],
          }),
          ...REFERENCE_ITEMS.map(
            (text) =>
              new Paragraph({ numbering: { reference: "items", level: 0 }, children: [new TextRun(text)] }),
          ),
          new Paragraph({ children: [new TextRun("Nơi nhận:")] }),
          new Paragraph({ children: [new TextRun("- Đảng ủy phường Thượng Thanh,")] }),
          new Paragraph({ children: [new TextRun("- Lưu Văn phòng Quận ủy.")] }),
          line("T/M BAN THƯỜNG VỤ", true),
          line("BÍ THƯ", true),
          line("Đỗ Mạnh Hải", true),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
