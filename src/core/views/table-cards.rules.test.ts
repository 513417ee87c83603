import { describe, expect, it } from "vitest";
import { headerText, labelTableCells } from "./table-cards.rules.js";

describe("labelTableCells", () => {
  it.each([
    [
      "labels each body cell with its column's header and marks the table",
      "<table><thead><tr><th>Tên</th><th>Hạn</th></tr></thead><tbody><tr><td>A</td><td>1</td></tr></tbody></table>",
      '<table data-cards><thead><tr><th>Tên</th><th>Hạn</th></tr></thead><tbody><tr><td data-label="Tên">A</td><td data-label="Hạn">1</td></tr></tbody></table>',
    ],
    [
      "keeps the cell's attributes and a row header as the card's title",
      '<table class="x"><thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Tổng</th></tr></thead><tbody><tr><th scope="row">Phường A</th><td class="num">3</td></tr></tbody></table>',
      '<table class="x" data-cards><thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Tổng</th></tr></thead><tbody><tr><th scope="row">Phường A</th><td class="num" data-label="Tổng">3</td></tr></tbody></table>',
    ],
    [
      "leaves a table without a header as it is",
      "<table><tbody><tr><td>A</td></tr></tbody></table>",
      "<table><tbody><tr><td>A</td></tr></tbody></table>",
    ],
    [
      "leaves a table whose cells carry their own labels as it is",
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><th>x</th><td data-label="B">1</td></tr></tbody></table>',
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><th>x</th><td data-label="B">1</td></tr></tbody></table>',
    ],
    [
      "gives no label to a message row across the columns",
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td colspan="2">Chưa có</td></tr></tbody></table>',
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td colspan="2">Chưa có</td></tr></tbody></table>',
    ],
    [
      "names a column under a grouped header by both headers",
      '<table><thead><tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm 2019</th></tr><tr><th>Kế hoạch</th><th>Thực hiện</th></tr></thead><tbody><tr><td>Thu</td><td>1</td><td>2</td></tr></tbody></table>',
      '<table data-cards><thead><tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm 2019</th></tr><tr><th>Kế hoạch</th><th>Thực hiện</th></tr></thead><tbody><tr><td data-label="Chỉ tiêu">Thu</td><td data-label="Năm 2019 – Kế hoạch">1</td><td data-label="Năm 2019 – Thực hiện">2</td></tr></tbody></table>',
    ],
    [
      "skips the columns a cell above spans into",
      '<table><thead><tr><th>Nhóm</th><th>Mục</th></tr></thead><tbody><tr><td rowspan="2">I</td><td>1</td></tr><tr><td>2</td></tr></tbody></table>',
      '<table data-cards><thead><tr><th>Nhóm</th><th>Mục</th></tr></thead><tbody><tr><td rowspan="2" data-label="Nhóm">I</td><td data-label="Mục">1</td></tr><tr><td data-label="Mục">2</td></tr></tbody></table>',
    ],
    [
      "labels an inner table by its own header and the outer one by its own",
      "<table><thead><tr><th>Ngoài</th></tr></thead><tbody><tr><td><table><thead><tr><th>Trong</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table></td></tr></tbody></table>",
      '<table data-cards><thead><tr><th>Ngoài</th></tr></thead><tbody><tr><td data-label="Ngoài"><table data-cards><thead><tr><th>Trong</th></tr></thead><tbody><tr><td data-label="Trong">x</td></tr></tbody></table></td></tr></tbody></table>',
    ],
  ])("%s", (_name, html, expected) => {
    expect(labelTableCells(html)).toBe(expected);
  });

  it("returns text without tables unchanged", () => {
    const html = "<p>Không có bảng &lt;table&gt;</p>";
    expect(labelTableCells(html)).toBe(html);
  });
});

describe("headerText", () => {
  it.each([
    ['<abbr title="Hoàn thành đúng hạn">HT đúng hạn</abbr>', "Hoàn thành đúng hạn"],
    ['<span class="visually-hidden">Thao tác</span>', "Thao tác"],
    ["  Thời\n  hạn ", "Thời hạn"],
    ["Người &quot;giao&quot;", "Người &quot;giao&quot;"],
  ])("%s → %s", (inner, text) => {
    expect(headerText(inner)).toBe(text);
  });
});
