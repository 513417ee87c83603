import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUnit } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  lastUpdated?: string;
  comment?: string | null;
}

const withoutTimes = (values: DataValue[]) =>
  values
    .map(({ lastUpdated: _l, comment: _c, ...rest }) => rest)
    .sort((a, b) => a.dataElement.localeCompare(b.dataElement));

describe.each(ENGINES)("DHIS2 dataValueSets on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let office: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    office = new TestClient(t);
    await office.logIn("vanphong.longbien");
  });
  afterAll(() => t.close());

  const exportJson = async (query: string): Promise<DataValue[]> => {
    const response = await t.app.request(`/api/v1/dataValueSets?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { dataValues: DataValue[] }).dataValues;
  };

  /** Deletes a unit's approved 2019 figures, as if they had never been entered. */
  const forget = (unitId: number) =>
    t.database.db
      .deleteFrom("results")
      .where("unit_id", "=", unitId)
      .where("period_key", "=", "2019")
      .execute();

  const approveAll = async () => {
    const ids = (
      await t.database.db.selectFrom("results").select("id").where("status", "=", "submitted").execute()
    ).map((r) => r.id);
    expect((await office.sendJson("POST", "/api/v1/results/approve", { ids })).status).toBe(200);
  };

  it("exports approved public figures by unit code, in JSON and CSV", async () => {
    const values = await exportJson("orgUnit=00115&period=2019");
    expect(values).toHaveLength(16);
    expect(values.find((v) => v.dataElement === "THU_NS")).toMatchObject({
      period: "2019",
      orgUnit: "00115",
      value: "44.4",
    });
    const csv = await t.app.request(
      `/api/v1/dataValueSets?orgUnit=${lb.district}&period=2019&children=true&format=csv`,
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup",
    );
    // Every ward's 16 final figures, but Sài Đồng's revenue, approved as an estimate only.
    expect(lines).toHaveLength(1 + 14 * 16 - 1);
    const term = await exportJson("orgUnit=00115&period=2015-2020");
    expect(new Set(term.map((v) => v.period))).toEqual(new Set(["2015", "2016", "2017", "2018", "2019"]));
  });

  it("round-trips JSON: export, forget, import, approve, export the same values", async () => {
    const before = await exportJson("orgUnit=00115&period=2019");
    await forget(lb.thuongThanh);
    const response = await office.sendJson("POST", "/api/v1/dataValueSets?submit=true", {
      dataValues: before,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "SUCCESS",
      importCount: { imported: 16, updated: 0, ignored: 0, deleted: 0 },
    });
    await approveAll();
    expect(withoutTimes(await exportJson("orgUnit=00115&period=2019"))).toEqual(withoutTimes(before));
  });

  it("round-trips CSV the same way", async () => {
    const csv = await (
      await t.app.request("/api/v1/dataValueSets?orgUnit=00118&period=2019&format=csv")
    ).text();
    const before = await exportJson("orgUnit=00118&period=2019");
    await forget(lb.ngocThuy);
    const response = await office.request("/api/v1/dataValueSets?submit=true", {
      method: "POST",
      body: csv,
      headers: { "content-type": "text/csv", "x-csrf-token": office.csrfToken, accept: "application/json" },
    });
    expect(response.status).toBe(200);
    await approveAll();
    expect(withoutTimes(await exportJson("orgUnit=00118&period=2019"))).toEqual(withoutTimes(before));
  });

  it("matches a reused code by the period, and rejects unknown, ambiguous and malformed rows together", async () => {
    // NQ 1656/NQ-UBTVQH15: Ngọc Thụy ends on 30/6/2025; the new Bồ Đề takes its code 00118 from 1/7/2025.
    await t.database.db
      .updateTable("units")
      .set({ valid_to: "2025-06-30" })
      .where("id", "=", lb.ngocThuy)
      .execute();
    const newBoDe = await createUnit(t.database.db, {
      name: "Bồ Đề",
      level: "ward",
      parentId: lb.city,
      code: "00118",
      validFrom: "2025-07-01",
    });
    await createUnit(t.database.db, {
      name: "Thượng Thanh (bản sao lỗi)",
      level: "ward",
      parentId: lb.district,
      code: "00115",
    });
    const count = async () => (await t.database.db.selectFrom("results").select("id").execute()).length;
    const before = await count();
    const bad = await office.sendJson("POST", "/api/v1/dataValueSets", {
      dataValues: [
        { dataElement: "THU_NS", period: "2020", orgUnit: "00118", value: "30.5" },
        { dataElement: "THU_NS", period: "2020", orgUnit: "00115", value: "40" },
        { dataElement: "KHONG_CO", period: "2020", orgUnit: "00121", value: "1" },
        { dataElement: "GDVH", period: "2020", orgUnit: "99999", value: "1" },
        { dataElement: "GDVH", period: "2020", orgUnit: "00121", value: "90,5" },
        // A weekly period: DHIS2 has it, the office calendar does not (2020Q1 is a quarter, read).
        { dataElement: "GDVH", period: "2020W12", orgUnit: "00121", value: "90.5" },
      ],
    });
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).error.fields as Record<string, string>;
    expect(Object.keys(fields)).toEqual([
      "dataValues[1]",
      "dataValues[2]",
      "dataValues[3]",
      "dataValues[4]",
      "dataValues[5]",
    ]);
    expect(fields["dataValues[1]"]).toContain("mã đơn vị “00115” trùng giữa nhiều đơn vị");
    expect(fields["dataValues[2]"]).toContain("chỉ tiêu “KHONG_CO” không có trong danh mục");
    expect(fields["dataValues[3]"]).toContain("không có đơn vị mã “99999” trong kỳ");
    expect(fields["dataValues[4]"]).toContain("dấu chấm thập phân");
    expect(fields["dataValues[5]"]).toContain("nhận năm (2019), tháng (201907), quý (2019Q3)");
    expect(await count()).toBe(before);

    const admin = new TestClient(t, "198.51.100.51");
    await admin.logIn("admin");
    const locked = await admin.sendJson("POST", "/api/v1/dataValueSets", {
      dataValues: [
        { dataElement: "THU_NS", period: "2026", orgUnit: "00118", value: "30.5" },
        { dataElement: "THU_NS", period: "2019", orgUnit: "00121", value: "33" },
      ],
    });
    // Giang Biên's 2019 revenue is approved: the whole set is refused, nothing is written.
    expect(locked.status).toBe(422);
    expect((await locked.json()).error.fields).toEqual({
      "dataValues[1]": "dataValues[1]: Số liệu đã được phê duyệt, cần mở lại trước khi sửa",
    });
    expect(await count()).toBe(before);
    // The new Bồ Đề is under the city, not the district: the district office may not enter its figures.
    const outside = await office.sendJson("POST", "/api/v1/dataValueSets", {
      dataValues: [{ dataElement: "THU_NS", period: "2026", orgUnit: "00118", value: "30.5" }],
    });
    expect(outside.status).toBe(403);
    const good = await admin.sendJson("POST", "/api/v1/dataValueSets", {
      dataValues: [{ dataElement: "THU_NS", period: "2026", orgUnit: "00118", value: "30.5" }],
    });
    expect(good.status).toBe(200);
    const row = await t.database.db
      .selectFrom("results")
      .select(["unit_id", "value"])
      .where("period_key", "=", "2026")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: newBoDe, value: 30.5 });
  });

  it("refuses values for a unit the caller may not enter", async () => {
    const ward = new TestClient(t, "198.51.100.50");
    await ward.logIn("thuongthanh");
    const response = await ward.sendJson("POST", "/api/v1/dataValueSets", {
      dataValues: [{ dataElement: "THU_NS", period: "2021", orgUnit: "00121", value: "1" }],
    });
    expect(response.status).toBe(403);
  });
  it("a 9 MB CSV of bad values: the first 100 problems listed, all counted, in a small body", async () => {
    const lines = [
      "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup",
    ];
    let size = lines[0]?.length ?? 0;
    // A decimal comma, quoted: not a DHIS2 number, so every row is a problem.
    for (let i = 0; size < 9_000_000; i++) {
      const line = `THU_NS,2021,00121,,,"1,${i}",,,Số liệu nhập sai định dạng,false`;
      lines.push(line);
      size += line.length + 2;
    }
    const rows = lines.length - 1;
    const count = async () => (await t.database.db.selectFrom("results").select("id").execute()).length;
    const before = await count();
    const response = await office.request("/api/v1/dataValueSets", {
      method: "POST",
      body: `${lines.join("\r\n")}\r\n`,
      headers: {
        "content-type": "text/csv",
        accept: "application/json",
        "x-csrf-token": office.csrfToken,
      },
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(50_000);
    const error = JSON.parse(text).error as {
      message: string;
      fields: Record<string, string>;
      problemCount: number;
      unlistedCount: number;
    };
    expect(error.problemCount).toBe(rows);
    expect(error.unlistedCount).toBe(rows - 100);
    const keys = Object.keys(error.fields);
    expect(keys).toHaveLength(100);
    expect(keys[0]).toBe("dòng 2");
    expect(keys[99]).toBe("dòng 101");
    expect(error.fields["dòng 2"]).toContain("dấu chấm thập phân");
    expect(error.message).toBe(
      `Bộ số liệu chưa được nhận: ${rows} lỗi (liệt kê 100 lỗi đầu). Không có số liệu nào được lưu.`,
    );
    expect(await count()).toBe(before);
  });
  it("a JSON set of 200.000 empty values: each checked once, the first 100 problems listed, all counted", async () => {
    // Zod, checking the body before the import, would keep 400.000 issues (some 900 MB) and list them.
    const values = 200_000;
    const body = JSON.stringify({ dataValues: Array.from({ length: values }, () => ({})) });
    const response = await office.request("/api/v1/dataValueSets", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-csrf-token": office.csrfToken,
      },
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(50_000);
    const error = JSON.parse(text).error as {
      code: string;
      fields: Record<string, string>;
      problemCount: number;
      unlistedCount: number;
    };
    expect(error.code).toBe("import_rejected");
    // No dataElement and no period: two problems per value.
    expect(error.problemCount).toBe(2 * values);
    expect(error.unlistedCount).toBe(2 * values - 100);
    expect(Object.keys(error.fields)).toHaveLength(50);
    expect(error.fields["dataValues[0]"]).toContain("dataValues[0]: kỳ “” không hợp lệ");
  });

  it("refuses a JSON body it cannot read, and a body of another media type", async () => {
    const send = (body: string, type: string) =>
      office.request("/api/v1/dataValueSets", {
        method: "POST",
        body,
        headers: { "content-type": type, accept: "application/json", "x-csrf-token": office.csrfToken },
      });
    const malformed = await send("{", "application/json");
    expect(malformed.status).toBe(400);
    const noArray = await send('{"dataValues":5}', "application/json; charset=utf-8");
    expect(noArray.status).toBe(422);
    expect((await noArray.json()).error.fields).toEqual({ body: "Tài liệu không có mảng dataValues." });
    expect((await send("<dataValueSet/>", "application/xml")).status).toBe(415);
  });
});
