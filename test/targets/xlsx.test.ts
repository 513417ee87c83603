import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ImportRejected, readEntryWorkbook } from "../../src/targets/exchange/results-import.xlsx.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

async function upload(client: TestClient, path: string, workbook: ExcelJS.Workbook): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", client.csrfToken);
  form.set("file", new Blob([await workbook.xlsx.writeBuffer()]), "so-lieu.xlsx");
  return client.request(path, { method: "POST", body: form });
}

/** The data row of an indicator code in the template's first sheet. */
function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 5; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell(1).value === code) return sheet.getRow(r);
  throw new Error(`no row for ${code}`);
}

it("reads a workbook the same way every time (unzipper's early end once lost its last parts)", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("So lieu");
  sheet.getRow(4).values = [
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Đơn vị tính",
    "Giá trị",
    "Loại số liệu",
    "Nguồn số liệu",
    "Ghi chú",
  ];
  for (let i = 0; i < 30; i++) sheet.getRow(5 + i).values = [`SAI_${i}`, "Chỉ tiêu", "%", i, "Chính thức"];
  const meta = workbook.addWorksheet("_giaoban", { state: "veryHidden" });
  meta.getCell("B1").value = 3;
  meta.getCell("B2").value = "2020";
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const outcomes = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const error = await readEntryWorkbook(buffer, { unitId: 3, periodKey: "2020" }, []).catch((e) => e);
    outcomes.add(error instanceof ImportRejected ? `${error.total}: ${error.lines[0]}` : String(error));
  }
  expect([...outcomes]).toEqual(["30: Dòng 5, cột A: Không có chỉ tiêu mã “SAI_0” trong danh mục."]);
});

describe.each(ENGINES)("XLSX import and export on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let ward: TestClient;
  const base = () => `/quan-tri/so-lieu/${lb.thuongThanh}/2020`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    ward = new TestClient(t);
    await ward.logIn("thuongthanh");
  });
  afterAll(() => t.close());

  const count2020 = async () =>
    (await t.database.db.selectFrom("results").select("id").where("period_key", "=", "2020").execute())
      .length;

  it("lists every bad row with its row and column and saves nothing", async () => {
    const template = await ward.request(`${base()}/mau.xlsx`);
    expect(template.status).toBe(200);
    expect(template.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = await workbookOf(template);
    const sheet = workbook.getWorksheet("So lieu") as ExcelJS.Worksheet;
    expect(sheet.getRow(4).getCell(4).value).toBe("Giá trị");
    rowOf(sheet, "THU_NS").getCell(4).value = "46,62";
    rowOf(sheet, "GDVH").getCell(4).value = "90.1";
    rowOf(sheet, "KET_NAP_DV").getCell(4).value = 12;
    rowOf(sheet, "KET_NAP_DV").getCell(5).value = "dự kiến";
    rowOf(sheet, "TDPVH").getCell(4).value = "70‰";
    const extra = sheet.getRow(sheet.rowCount + 1);
    extra.values = ["KHONG_CO", "Chỉ tiêu lạ", "", 5];
    const response = await upload(ward, `${base()}/nhap-xlsx`, workbook);
    expect(response.status).toBe(422);
    const html = await response.text();
    const gdvhRow = rowOf(sheet, "GDVH").number;
    expect(html).toContain(`Dòng ${gdvhRow}, cột D: Dấu chấm chỉ dùng để tách nhóm ba chữ số`);
    expect(html).toContain(
      `Dòng ${rowOf(sheet, "KET_NAP_DV").number}, cột E: Loại số liệu là “Chính thức” hoặc “Ước thực hiện”.`,
    );
    expect(html).toContain(
      `Dòng ${rowOf(sheet, "TDPVH").number}, cột D: Chỉ tiêu này tính bằng %, không phải ‰.`,
    );
    expect(html).toContain(`Dòng ${extra.number}, cột A: Không có chỉ tiêu mã “KHONG_CO” trong danh mục.`);
    expect(html).toContain("Tệp chưa được nhận: 4 lỗi");
    expect(await count2020()).toBe(0);
  });

  it("a file with thousands of bad rows: the first 100 listed and the rest counted", async () => {
    const workbook = await workbookOf(await ward.request(`${base()}/mau.xlsx`));
    const sheet = workbook.getWorksheet("So lieu") as ExcelJS.Worksheet;
    const bad = 3000;
    const first = sheet.rowCount + 1;
    for (let i = 0; i < bad; i++) sheet.getRow(first + i).values = [`KHONG_CO_${i}`, "Chỉ tiêu lạ", "", 5];
    const response = await upload(ward, `${base()}/nhap-xlsx`, workbook);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(`Tệp chưa được nhận: ${bad} lỗi`);
    const listed = html.match(/<ul class="import-errors">(.*?)<\/ul>/s)?.[1] ?? "";
    expect(listed.match(/<li>/g)).toHaveLength(100);
    expect(listed).toContain(`Dòng ${first}, cột A: Không có chỉ tiêu mã “KHONG_CO_0” trong danh mục.`);
    expect(listed).toContain(`Dòng ${first + 99}, cột A:`);
    expect(listed).not.toContain(`Dòng ${first + 100}, cột A:`);
    expect(html).toContain(`… và ${(bad - 100).toLocaleString("vi-VN")} lỗi khác (chỉ liệt kê 100 lỗi đầu).`);
    expect(await count2020()).toBe(0);
  });

  it("streams a 20.000-row file, never loading the whole workbook: 100 problems listed and all counted", async () => {
    const workbook = await workbookOf(await ward.request(`${base()}/mau.xlsx`));
    const sheet = workbook.getWorksheet("So lieu") as ExcelJS.Worksheet;
    const rows = 20_000;
    const first = sheet.rowCount + 1;
    // Most rows name no indicator; every tenth is a known one with a value that is no number.
    for (let i = 0; i < rows; i++)
      sheet.getRow(first + i).values =
        i % 10 === 9 ? ["THU_NS", "", "", "nhiều", "Chính thức"] : [`SAI_${i}`, "", "", i];
    const body = await workbook.xlsx.writeBuffer();
    // The whole-workbook reader (Workbook.xlsx.load) must not run; the streaming one must.
    const load = vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx), "load");
    const stream = vi.spyOn(ExcelJS.stream.xlsx.WorkbookReader.prototype, "parse");
    try {
      const form = new FormData();
      form.set("_csrf", ward.csrfToken);
      form.set("file", new Blob([body]), "so-lieu.xlsx");
      const response = await ward.request(`${base()}/nhap-xlsx`, { method: "POST", body: form });
      expect(response.status).toBe(422);
      expect(load).not.toHaveBeenCalled();
      expect(stream).toHaveBeenCalledTimes(1);
      const html = await response.text();
      expect(html).toContain(`Tệp chưa được nhận: ${rows} lỗi`);
      const listed = html.match(/<ul class="import-errors">(.*?)<\/ul>/s)?.[1] ?? "";
      expect(listed.match(/<li>/g)).toHaveLength(100);
      expect(listed).toContain(`Dòng ${first}, cột A: Không có chỉ tiêu mã “SAI_0” trong danh mục.`);
      expect(listed).toContain(`Dòng ${first + 9}, cột D:`);
      expect(listed).not.toContain(`Dòng ${first + 100}, cột`);
      expect(html).toContain(
        `… và ${(rows - 100).toLocaleString("vi-VN")} lỗi khác (chỉ liệt kê 100 lỗi đầu).`,
      );
    } finally {
      load.mockRestore();
      stream.mockRestore();
    }
    expect(await count2020()).toBe(0);
  });

  it("reads the sheets in any order, and refuses a file that is not a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const meta = workbook.addWorksheet("_giaoban");
    meta.getCell("B1").value = lb.thuongThanh;
    meta.getCell("B2").value = "2020";
    const sheet = workbook.addWorksheet("So lieu");
    sheet.getRow(4).values = [
      "Mã chỉ tiêu",
      "Tên chỉ tiêu",
      "Đơn vị tính",
      "Giá trị",
      "Loại số liệu",
      "Nguồn số liệu",
      "Ghi chú",
    ];
    sheet.getRow(5).values = ["KHONG_CO", "", "", 1];
    const response = await upload(ward, `${base()}/nhap-xlsx`, workbook);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Dòng 5, cột A: Không có chỉ tiêu mã “KHONG_CO” trong danh mục.");

    for (const bytes of ["không phải Excel", "PK\u0003\u0004"]) {
      const form = new FormData();
      form.set("_csrf", ward.csrfToken);
      form.set("file", new Blob([bytes]), "so-lieu.xlsx");
      const garbage = await ward.request(`${base()}/nhap-xlsx`, { method: "POST", body: form });
      expect(garbage.status).toBe(422);
      expect(await garbage.text()).toContain("Tệp không phải là tệp Excel (.xlsx) đọc được.");
    }
    expect(await count2020()).toBe(0);
  });

  it("saves a good file, all rows at once, and reports locked figures against their rows", async () => {
    const workbook = await workbookOf(await ward.request(`${base()}/mau.xlsx`));
    const sheet = workbook.getWorksheet("So lieu") as ExcelJS.Worksheet;
    rowOf(sheet, "THU_NS").getCell(4).value = "46,62";
    rowOf(sheet, "THU_NS").getCell(6).value = "Báo cáo năm 2020";
    rowOf(sheet, "GDVH").getCell(4).value = 90.1;
    rowOf(sheet, "KET_NAP_DV").getCell(4).value = 11;
    rowOf(sheet, "KET_NAP_DV").getCell(5).value = "Ước thực hiện";
    const ok = await upload(ward, `${base()}/nhap-xlsx`, workbook);
    expect(ok.status).toBe(303);
    const rows = await t.database.db
      .selectFrom("results")
      .select(["version", "value", "status", "source"])
      .where("period_key", "=", "2020")
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { version: "final", value: 46.62, status: "draft", source: "Báo cáo năm 2020" },
      { version: "final", value: 90.1, status: "draft", source: null },
      { version: "estimate", value: 11, status: "draft", source: null },
    ]);

    await t.database.db
      .updateTable("results")
      .set({ status: "approved" })
      .where("period_key", "=", "2020")
      .execute();
    rowOf(sheet, "THU_NS").getCell(4).value = 50;
    rowOf(sheet, "TDPVH").getCell(4).value = 75;
    const locked = await upload(ward, `${base()}/nhap-xlsx`, workbook);
    expect(locked.status).toBe(422);
    expect(await locked.text()).toContain(
      `Dòng ${rowOf(sheet, "THU_NS").number}, cột D: Số liệu đã được phê duyệt, cần mở lại trước khi sửa`,
    );
    expect(await count2020()).toBe(3);
  });

  it("refuses another ward's template and another ward's officer", async () => {
    const office = new TestClient(t, "198.51.100.40");
    await office.logIn("vanphong.longbien");
    const foreign = await workbookOf(await office.request(`/quan-tri/so-lieu/${lb.ngocThuy}/2020/mau.xlsx`));
    const response = await upload(ward, `${base()}/nhap-xlsx`, foreign);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Tệp mẫu này dành cho đơn vị hoặc kỳ khác.");
    const other = new TestClient(t, "198.51.100.41");
    await other.logIn("ngocthuy");
    expect((await other.request(`${base()}/mau.xlsx`)).status).toBe(403);
  });

  it("exports an evaluation with numbers as numbers, linked from the evaluation page", async () => {
    const page = await (await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019`)).text();
    expect(page).toContain(`href="/don-vi/${lb.thuongThanh}/danh-gia.xlsx?ky=2019"`);
    const response = await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia.xlsx?ky=2019`);
    expect(response.status).toBe(200);
    const sheet = (await workbookOf(response)).getWorksheet("Danh gia") as ExcelJS.Worksheet;
    expect(sheet.getCell("A3").value).toBe("Hoàn thành 16/16 chỉ tiêu, trong đó vượt mức 16 chỉ tiêu.");
    const revenue = sheet.getRow(7);
    expect(revenue.getCell(1).value).toBe("THU_NS");
    expect(revenue.getCell(5).value).toBe(40);
    expect(revenue.getCell(7).value).toBe(44.4);
    expect(revenue.getCell(9).value).toBeCloseTo(1.11, 9);
    expect(revenue.getCell(14).value).toBe("đạt 111% kế hoạch, vượt 11%");
    // So cùng kỳ, and both 2019 revenue targets with their own %.
    expect(revenue.getCell(18).value).toBe(39.6);
    expect(revenue.getCell(19).value).toBe(4.8);
    expect(revenue.getCell(20).value).toBeCloseTo(0.1212, 4);
    expect(revenue.getCell(21).value).toBe(
      "Cấp trên giao: 40 tỷ đồng (111%); HĐND giao: 42 tỷ đồng (105,71%)",
    );
  });

  it("exports the six-month review with the share of the year's target and the progress expected", async () => {
    const response = await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia.xlsx?ky=2019-6T`);
    expect(response.status).toBe(200);
    const sheet = (await workbookOf(response)).getWorksheet("Danh gia") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe("KẾT QUẢ THỰC HIỆN CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2019");
    const revenue = sheet.getRow(7);
    expect(revenue.getCell(1).value).toBe("THU_NS");
    expect(revenue.getCell(12).value).toBe("Đúng tiến độ");
    expect(revenue.getCell(16).value).toBeCloseTo(0.5325, 6);
    expect(revenue.getCell(17).value).toBeCloseTo(0.4672, 4);
    expect(revenue.getCell(19).value).toBe(2.8);
  });
});
