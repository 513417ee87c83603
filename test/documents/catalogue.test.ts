import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedRegistry } from "../sessions/seed.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";

/**
 * The open-data catalogue on both engines: `/du-lieu-mo` lists the three datasets with publisher,
 * licence and update date (the latest change of their rows) in DCAT JSON-LD, and every download (CSV,
 * JSON, XLSX) returns exactly the public rows of the database: approved figures only, public documents
 * only, directives as counts without their text.
 */
const AT = "2020-01-10T03:00:00.000Z";

/** The rows of a CSV answer, after checking it starts with the UTF-8 byte-order mark Excel needs. */
async function parseCsv(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes
    .subarray(3)
    .toString("utf8")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe.each(ENGINES)("the open-data catalogue on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let visitor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date(AT) });
    s = await seedRegistry(t.database.db);
    const db = t.database.db;
    const indicator = (code: string, name: string, isPublic: number) =>
      db
        .insertInto("indicators")
        .values({
          code,
          name,
          field: "Kinh tế",
          unit_of_measure: "tỷ đồng",
          value_type: "amount",
          direction: "higher_is_better",
          comparison_mode: "ratio",
          term_aggregation: "sum",
          responsible_organisation_id: null,
          definition: null,
          is_public: isPublic,
          sort_order: 1,
          comparable_rule: null,
          comparable_weight_id: null,
          precision: null,
          percent_digits: null,
          created_at: AT,
          updated_at: AT,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const thuNs = await indicator("THU_NS", "Thu ngân sách", 1);
    const secret = await indicator("MAT", "Chỉ tiêu nội bộ", 0);
    const result = (
      indicatorId: number,
      periodKey: string,
      value: number,
      status: string,
      updatedAt: string,
    ) =>
      db
        .insertInto("results")
        .values({
          indicator_id: indicatorId,
          unit_id: s.ward,
          period_key: periodKey,
          period_start: `${periodKey.slice(0, 4)}-01-01`,
          period_end: `${periodKey.slice(0, 4)}-12-31`,
          version: "final",
          value,
          source: null,
          note: null,
          status,
          entered_by: null,
          submitted_at: null,
          approved_by: null,
          approved_at: status === "approved" ? updatedAt : null,
          reopen_reason: null,
          return_reason: null,
          created_at: updatedAt,
          updated_at: updatedAt,
        })
        .execute();
    await result(thuNs.id, "2019", 44.4, "approved", "2020-01-08T02:00:00.000Z");
    await result(thuNs.id, "2018", 40.1, "approved", "2019-01-08T02:00:00.000Z");
    await result(thuNs.id, "2020", 12, "submitted", "2020-01-09T02:00:00.000Z");
    await result(secret.id, "2019", 7, "approved", "2020-01-09T05:00:00.000Z");
    office = new TestClient(t);
    await office.logIn("office");
    visitor = new TestClient(t, "203.0.113.10");
    const directive = await office.sendJson("POST", "/api/v1/directives", {
      title: "Nhiệm vụ bí mật về đất đai",
      lead: { unitId: s.ward, organisationId: null },
      deadline: { kind: "date", date: "2020-01-05" },
      assigningUnitId: s.district,
    });
    expect(directive.status).toBe(201);
    for (const [number, isPublic] of [
      ["136-TB/QU", true],
      ["9/BC-NB", false],
    ] as const) {
      const r = await office.sendJson("POST", "/api/v1/documents", {
        type: "notice",
        number,
        title: `Văn bản ${number}`,
        issuer: { unitId: s.district, organisationId: s.org.quanUy },
        issuedOn: "2020-01-05",
        isPublic,
      });
      expect(r.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.close());

  it("lists the datasets with publisher, licence, update date and DCAT JSON-LD; labels, not codes", async () => {
    const { response, html } = await visitor.page("/du-lieu-mo");
    expect(response.status).toBe(200);
    for (const title of [
      "Kết quả thực hiện chỉ tiêu theo năm",
      "Tiến độ thực hiện nhiệm vụ được giao",
      "Văn bản chỉ đạo, điều hành",
    ])
      expect(html).toContain(title);
    expect(html).toContain("Thu ngân sách");
    expect(html).not.toContain("THU_NS");
    expect(html).toContain("CC BY 4.0");
    expect(html).toContain("/du-lieu-mo/tap-du-lieu/ket-qua-chi-tieu.xlsx");
    const ld = (await (await visitor.request("/du-lieu-mo/catalog.jsonld")).json()) as Record<string, any>;
    expect(ld["@type"]).toBe("dcat:Catalog");
    const datasets = ld["dcat:dataset"] as Record<string, any>[];
    expect(datasets.map((d) => d["dct:identifier"])).toEqual([
      "ket-qua-chi-tieu",
      "tien-do-nhiem-vu",
      "van-ban",
    ]);
    const results = datasets[0] ?? {};
    expect(results["dct:modified"]["@value"]).toBe("2020-01-08T02:00:00.000Z");
    expect(results["dct:publisher"]["foaf:name"]).toBe("Cổng thông tin thử nghiệm");
    expect(results["dcat:distribution"].map((x: Record<string, string>) => x["dct:format"])).toEqual([
      "CSV",
      "JSON",
      "XLSX",
    ]);
    expect(results["dcat:distribution"][0]["dcat:downloadURL"]["@id"]).toBe(
      "http://localhost/du-lieu-mo/tap-du-lieu/ket-qua-chi-tieu.csv",
    );
  });

  it("serves the approved figures of public indicators, the same rows in CSV, JSON and XLSX", async () => {
    const csv = await parseCsv(await visitor.request("/du-lieu-mo/tap-du-lieu/ket-qua-chi-tieu.csv"));
    expect(csv[0]).toEqual([
      "don_vi",
      "nam",
      "ma_chi_tieu",
      "chi_tieu",
      "linh_vuc",
      "thuc_hien",
      "don_vi_tinh",
      "loai_so_lieu",
      "ngay_phe_duyet",
    ]);
    expect(csv.slice(1)).toEqual([
      [
        "Phường Thượng Thanh",
        "2018",
        "THU_NS",
        "Thu ngân sách",
        "Kinh tế",
        "40.1",
        "tỷ đồng",
        "Chính thức",
        "2019-01-08",
      ],
      [
        "Phường Thượng Thanh",
        "2019",
        "THU_NS",
        "Thu ngân sách",
        "Kinh tế",
        "44.4",
        "tỷ đồng",
        "Chính thức",
        "2020-01-08",
      ],
    ]);
    const json = (await (await visitor.request("/du-lieu-mo/tap-du-lieu/ket-qua-chi-tieu.json")).json()) as {
      data: Record<string, unknown>[];
      dataset: Record<string, unknown>;
    };
    expect(json.data.map((r) => [r.nam, r.thuc_hien])).toEqual([
      ["2018", 40.1],
      ["2019", 44.4],
    ]);
    expect(json.dataset.licence).toBe("https://creativecommons.org/licenses/by/4.0/deed.vi");
    const xlsx = await visitor.request("/du-lieu-mo/tap-du-lieu/ket-qua-chi-tieu.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(4).value).toBe("Chỉ tiêu");
    expect(sheet?.getRow(3).getCell(4).value).toBe("Thu ngân sách");
    expect(sheet?.getRow(3).getCell(6).value).toBe(44.4);
  });

  it("serves directives' progress as counts and only the public documents", async () => {
    const progress = await parseCsv(await visitor.request("/du-lieu-mo/tap-du-lieu/tien-do-nhiem-vu.csv"));
    const header = progress[0] ?? [];
    const row = Object.fromEntries(header.map((h, i) => [h, progress[1]?.[i]]));
    expect(progress).toHaveLength(2);
    expect(row).toMatchObject({
      don_vi_chu_tri: "Phường Thượng Thanh",
      nam_giao: "2020",
      tong_so: "1",
      overdue: "1",
    });
    const text = await (await visitor.request("/du-lieu-mo/tap-du-lieu/tien-do-nhiem-vu.json")).text();
    expect(text).not.toContain("bí mật");
    const documents = (await (await visitor.request("/du-lieu-mo/tap-du-lieu/van-ban.json")).json()) as {
      data: Record<string, unknown>[];
    };
    const rows = await t.database.db
      .selectFrom("documents")
      .select(["id", "number"])
      .where("is_public", "=", 1)
      .execute();
    expect(documents.data.map((d) => [d.so_ky_hieu, d.trang_van_ban])).toEqual(
      rows.map((r) => [r.number, `/van-ban/${r.id}`]),
    );
    expect(JSON.stringify(documents)).not.toContain("9/BC-NB");
    expect((await visitor.request("/du-lieu-mo/tap-du-lieu/khong-co.csv")).status).toBe(404);
  });
});
