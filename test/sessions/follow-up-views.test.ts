import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/**
 * The follow-up views a leader reads, by lead unit, by assigning leader, by source notice and by
 * period, on the page and in the Excel export, over directives taken through the real workflow:
 * one done on time, one done late, two overdue (41 and 10 days at 10/06/2020), one in time, one
 * without a deadline.
 */
type Row = (string | number | null)[];

/** The sheet's rows from the header on, as [label, …13 figures] (exceljs rows are 1-based). */
async function sheetRows(res: Response): Promise<Row[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.getWorksheet("Theo dõi nhiệm vụ") as ExcelJS.Worksheet;
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n < 5) return;
    rows.push(
      Array.from({ length: 14 }, (_, i) => (row.getCell(i + 1).value as string | number | null) ?? null),
    );
  });
  return rows;
}

/** The texts of a page table row's cells (links and tags stripped), label first. */
function pageRow(html: string, label: string): string[] {
  const row = new RegExp(`<tr[^>]*><th scope="row">(?:<strong>)?${label}(?:</strong>)?</th>(.*?)</tr>`).exec(
    html,
  );
  if (!row) throw new Error(`no page row ${label}`);
  return [
    label,
    ...[...(row[1] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, "")),
  ];
}

function rowOf(rows: Row[], label: string): Row {
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label} in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return row;
}

describe.each(ENGINES)("follow-up views and their Excel export on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-05T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    let ward = new TestClient(t, "203.0.113.60");
    await ward.logIn("ward");
    const toWard = { unitId: s.ward, organisationId: null };
    const toTnmt = { unitId: s.district, organisationId: s.org.tnmt };
    const notice = (
      number: string,
      issuedOn: string,
      signer: { id: number | null; name: string },
      directives: unknown[],
    ) =>
      office.sendJson("POST", "/api/v1/conclusions", {
        number,
        issuedOn,
        issuingUnitId: s.district,
        issuingBody: "QUẬN ỦY LONG BIÊN",
        placeName: "Long Biên",
        title: "Kết luận",
        signerPersonId: signer.id,
        signerName: signer.name,
        signerTitle: "Bí thư",
        items: [{ number: "1", area: "economy", text: "Các nhiệm vụ", directives }],
      });
    const first = await notice("136-TB/QU", "2020-01-05", { id: s.chair, name: "Đỗ Mạnh Hải" }, [
      { title: "D1", lead: toWard, deadline: { kind: "date", date: "2020-03-31" } },
      { title: "D2", lead: toWard, deadline: { kind: "date", date: "2020-02-29" } },
      { title: "D3", lead: toWard, deadline: { kind: "month", date: "2020-04-30" } },
      { title: "D4", lead: toTnmt, deadline: { kind: "year", date: "2020-12-31" } },
      { title: "D5", lead: toWard, deadline: { kind: "recurring" } },
    ]);
    expect(first.status).toBe(201);
    // Sessions end after days of inactivity: sign in afresh whenever the clock jumps.
    const at = async (iso: string) => {
      t.setNow(new Date(iso));
      office = new TestClient(t);
      await office.logIn("office");
      ward = new TestClient(t, "203.0.113.60");
      await ward.logIn("ward");
    };
    await at("2020-01-20T03:00:00Z");
    const second = await notice("140-TB/QU", "2020-01-20", { id: null, name: "Nguyễn Mạnh Hà" }, [
      { title: "D6", lead: toWard, deadline: { kind: "date", date: "2020-05-31" } },
    ]);
    expect(second.status).toBe(201);
    const ids = new Map<string, number>(
      (await t.database.db.selectFrom("directives").select(["id", "title"]).execute()).map((d) => [
        d.title,
        d.id,
      ]),
    );
    const act = async (as: "office" | "ward", title: string, action: string, when: string) => {
      await at(when);
      const who = as === "office" ? office : ward;
      const res = await who.sendJson("POST", `/api/v1/directives/${ids.get(title)}/actions`, {
        action,
        text: "Xong",
      });
      expect(res.status, `${title} ${action}`).toBe(200);
    };
    await act("ward", "D1", "submit", "2020-03-20T03:00:00Z");
    await act("office", "D1", "confirm", "2020-03-25T03:00:00Z");
    await act("ward", "D2", "submit", "2020-03-10T03:00:00Z");
    await act("office", "D2", "confirm", "2020-03-12T03:00:00Z");
    await at("2020-06-10T03:00:00Z");
  });
  afterAll(() => t.close());

  it("counts by lead unit: timeliness, completion, overdue share of completed, overdue and the longest", async () => {
    const { html } = await office.page("/quan-tri/theo-doi?theo=lead");
    expect(html).toContain("Số liệu tính đến hết ngày 10/06/2020");
    expect(html).toContain("Tổng số 6 nhiệm vụ: đã hoàn thành 2 (33,3%), quá hạn 2.");
    const rows = await sheetRows(await office.request("/quan-tri/theo-doi.xlsx?theo=lead"));
    expect(rows[0]?.slice(0, 7)).toEqual([
      "Đơn vị",
      "Tổng số",
      "Đã hoàn thành",
      "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn",
      "Tỷ lệ hoàn thành",
      "Tỷ lệ quá hạn trong số đã hoàn thành",
    ]);
    //                                        total done onTime late  %     late% inTime soon overdue longest none paused cancelled
    expect(rowOf(rows, "Phường Thượng Thanh")).toEqual([
      "Phường Thượng Thanh",
      5,
      2,
      1,
      1,
      0.4,
      0.5,
      0,
      0,
      2,
      41,
      1,
      0,
      0,
    ]);
    expect(rowOf(rows, "Phòng Tài nguyên và Môi trường quận Long Biên")).toEqual([
      "Phòng Tài nguyên và Môi trường quận Long Biên",
      1,
      0,
      0,
      0,
      0,
      null,
      1,
      0,
      0,
      null,
      0,
      0,
      0,
    ]);
    const total = rowOf(rows, "Tổng cộng");
    expect(total.slice(1, 5)).toEqual([6, 2, 1, 1]);
    expect(total[5]).toBeCloseTo(2 / 6, 3);
    expect(total.slice(6)).toEqual([0.5, 1, 0, 2, 41, 1, 0, 0]);
    // The page shows the same figures in the same order.
    expect(pageRow(html, "Phường Thượng Thanh").slice(0, 11)).toEqual([
      "Phường Thượng Thanh",
      "5",
      "2",
      "1",
      "1",
      "40%",
      "50%",
      "0",
      "0",
      "2",
      "41",
    ]);
    // The district's department is a row under the district, whose total it makes.
    expect(pageRow(html, "Quận Long Biên")[1]).toBe("1");
    expect(pageRow(html, "Phòng Tài nguyên và Môi trường quận Long Biên")[1]).toBe("1");
  });

  it("counts by assigning leader", async () => {
    const { html } = await office.page("/quan-tri/theo-doi?theo=assigner");
    expect(html).toContain("<caption>Theo người giao</caption>");
    const rows = await sheetRows(await office.request("/quan-tri/theo-doi.xlsx?theo=assigner"));
    expect(rows[0]?.[0]).toBe("Người giao");
    expect(rowOf(rows, "Đỗ Mạnh Hải").slice(1, 11)).toEqual([5, 2, 1, 1, 0.4, 0.5, 1, 0, 1, 41]);
    expect(rowOf(rows, "Nguyễn Mạnh Hà").slice(1, 11)).toEqual([1, 0, 0, 0, 0, null, 0, 0, 1, 10]);
  });

  it("counts by source notice", async () => {
    const { html } = await office.page("/quan-tri/theo-doi?theo=notice");
    expect(html).toContain("Thông báo 140-TB/QU ngày 20/01/2020");
    const rows = await sheetRows(await office.request("/quan-tri/theo-doi.xlsx?theo=notice"));
    expect(rows[0]?.[0]).toBe("Thông báo");
    expect(rowOf(rows, "Thông báo 136-TB/QU ngày 05/01/2020").slice(1, 11)).toEqual([
      5, 2, 1, 1, 0.4, 0.5, 1, 0, 1, 41,
    ]);
    expect(rowOf(rows, "Thông báo 140-TB/QU ngày 20/01/2020").slice(1, 11)).toEqual([
      1,
      0,
      0,
      0,
      0,
      null,
      0,
      0,
      1,
      10,
    ]);
  });

  it("counts by period of the deadline, by month, quarter and year", async () => {
    const months = await sheetRows(await office.request("/quan-tri/theo-doi.xlsx?theo=period&ky=month"));
    expect(months.map((r) => r[0])).toEqual([
      "Kỳ",
      "Tháng 02/2020",
      "Tháng 03/2020",
      "Tháng 04/2020",
      "Tháng 05/2020",
      "Tháng 12/2020",
      "Không thời hạn",
      "Tổng cộng",
    ]);
    expect(rowOf(months, "Tháng 02/2020").slice(1, 5)).toEqual([1, 1, 0, 1]);
    expect(rowOf(months, "Tháng 04/2020").slice(9, 11)).toEqual([1, 41]);
    const quarters = await sheetRows(await office.request("/quan-tri/theo-doi.xlsx?theo=period&ky=quarter"));
    expect(rowOf(quarters, "Quý I/2020").slice(1, 7)).toEqual([2, 2, 1, 1, 1, 0.5]);
    expect(rowOf(quarters, "Quý II/2020").slice(1, 11)).toEqual([2, 0, 0, 0, 0, null, 0, 0, 2, 41]);
    expect(rowOf(quarters, "Quý IV/2020")[7]).toBe(1);
    const { html } = await office.page("/quan-tri/theo-doi?theo=period&ky=year");
    expect(pageRow(html, "Năm 2020")[1]).toBe("5");
  });

  it("narrows every view to one unit and the units below it", async () => {
    const { html } = await office.page(`/quan-tri/theo-doi?theo=notice&don_vi=${s.ward}`);
    expect(html).toContain("Tổng số 5 nhiệm vụ: đã hoàn thành 2 (40%), quá hạn 2.");
    const rows = await sheetRows(await office.request(`/quan-tri/theo-doi.xlsx?theo=lead&don_vi=${s.ward}`));
    expect(rows.map((r) => r[0])).toEqual(["Đơn vị", "Phường Thượng Thanh", "Tổng cộng"]);
  });

  it("shows the ward only its own directives", async () => {
    const other = new TestClient(t, "203.0.113.61");
    await other.logIn("otherward");
    const { html } = await other.page("/quan-tri/theo-doi?theo=lead");
    expect(html).toContain("Tổng số 0 nhiệm vụ");
  });
});
