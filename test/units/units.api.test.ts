import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TypedApi } from "../support/typed-api.js";
import { createDemoApp, unitIdAt } from "./demo-app.js";

const OLD_WARDS = [
  "Bồ Đề",
  "Cự Khối",
  "Đức Giang",
  "Gia Thụy",
  "Giang Biên",
  "Long Biên",
  "Ngọc Lâm",
  "Ngọc Thụy",
  "Phúc Đồng",
  "Phúc Lợi",
  "Sài Đồng",
  "Thạch Bàn",
  "Thượng Thanh",
  "Việt Hưng",
];

describe.each(ENGINES)("units API on %s", (engine) => {
  let t: TestApp;
  let haNoi: number;
  let district: number;

  beforeAll(async () => {
    t = await createDemoApp(engine);
    haNoi = await unitIdAt(t.database.db, "Hà Nội", "city", "2020-01-02");
    district = await unitIdAt(t.database.db, "Long Biên", "district", "2020-01-02");
  });
  afterAll(async () => {
    await t.close();
  });

  /** Typed by the API document: a field renamed there fails the typecheck here. */
  async function list(query: { at?: string; q?: string }) {
    return (await TypedApi.anonymous(t).expect(200, "get", "/api/v1/units", { query })).data;
  }

  it("lists Hà Nội, quận Long Biên and its 14 wards on 02/01/2020", async () => {
    const units = await list({ at: "2020-01-02" });
    expect(units.map((u) => u.name)).toEqual(["Hà Nội", "Long Biên", ...OLD_WARDS]);
    expect(units[0]).toEqual({
      id: haNoi,
      name: "Hà Nội",
      level: "city",
      code: "01",
      validFrom: "1945-01-01",
      validTo: null,
      parentId: null,
    });
    expect(units[1]).toMatchObject({
      id: district,
      level: "district",
      code: "004",
      validTo: "2025-06-30",
      parentId: haNoi,
    });
    const wards = units.slice(2);
    expect(wards.every((w) => w.level === "ward" && w.parentId === district)).toBe(true);
    expect(wards.find((w) => w.name === "Thượng Thanh")).toMatchObject({
      code: "00115",
      validFrom: "2003-11-06",
    });
  });

  it("defaults to today on the app clock (02/01/2020)", async () => {
    expect((await list({})).length).toBe(16);
  });

  it("drops Sài Đồng after 31/12/2024", async () => {
    const names = (await list({ at: "2025-01-01" })).map((u) => u.name);
    expect(names).toHaveLength(15);
    expect(names).not.toContain("Sài Đồng");
  });

  it("lists the new wards directly under Hà Nội on 01/01/2026, and no district", async () => {
    const units = await list({ at: "2026-01-01" });
    expect(units.map((u) => `${u.level}:${u.name}`)).toEqual([
      "city:Hà Nội",
      "ward:Bồ Đề",
      "ward:Hồng Hà",
      "ward:Long Biên",
      "ward:Phúc Lợi",
      "ward:Việt Hưng",
      "commune:Bát Tràng",
      "commune:Gia Lâm",
    ]);
    expect(units.slice(1).every((u) => u.parentId === haNoi && u.validFrom === "2025-07-01")).toBe(true);
  });

  it("gives code 00118 to Ngọc Thụy in 2020 and to a different unit, new Bồ Đề, in 2026", async () => {
    const in2020 = (await list({ at: "2020-01-02" })).filter((u) => u.code === "00118");
    const in2026 = (await list({ at: "2026-01-01" })).filter((u) => u.code === "00118");
    expect(in2020.map((u) => u.name)).toEqual(["Ngọc Thụy"]);
    expect(in2026.map((u) => u.name)).toEqual(["Bồ Đề"]);
    expect(in2020[0]?.id).not.toBe(in2026[0]?.id);
  });

  it("searches names without accents and with đ typed as d", async () => {
    expect((await list({ at: "2020-01-02", q: "thuong thanh" })).map((u) => u.code)).toEqual(["00115"]);
    expect((await list({ at: "2020-01-02", q: "duc giang" })).map((u) => u.name)).toEqual(["Đức Giang"]);
    expect((await list({ at: "2020-01-02", q: "phường bồ đề" })).map((u) => u.code)).toEqual(["00139"]);
    // Old Bồ Đề (00139) in 2020, new Bồ Đề (00118) in 2026.
    expect((await list({ at: "2026-01-01", q: "bo de" })).map((u) => u.code)).toEqual(["00118"]);
  });

  it("ranks names matching with their accents above folded matches", async () => {
    // "Long" matches the district and the ward; "long bien" folded matches both too.
    const names = (await list({ at: "2020-01-02", q: "Long Biên" })).map((u) => `${u.level}:${u.name}`);
    expect(names).toEqual(["district:Long Biên", "ward:Long Biên"]);
  });

  it("refuses a date that does not exist with 422 and the field path", async () => {
    const response = await t.app.request("/api/v1/units?at=2020-02-30");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields)).toEqual(["query.at"]);
  });

  it("shows a unit with its parent, organisations, leaders and successors at a date", async () => {
    const thuongThanh = await unitIdAt(t.database.db, "Thượng Thanh", "ward", "2020-01-02");
    const { data } = await TypedApi.anonymous(t).expect(200, "get", "/api/v1/units/{id}", {
      path: { id: thuongThanh },
      query: { at: "2020-01-02" },
    });
    expect(data).toMatchObject({
      id: thuongThanh,
      name: "Thượng Thanh",
      level: "ward",
      code: "00115",
      validFrom: "2003-11-06",
      validTo: "2025-06-30",
      parentId: district,
      at: "2020-01-02",
    });
    expect(data.leaders).toEqual([
      {
        name: "Phạm Thị Minh Hồng",
        title: "Bí thư Đảng ủy phường",
        organisation: "Đảng ủy phường Thượng Thanh",
      },
      { name: "Phạm Thị Minh Hồng", title: "Chủ tịch HĐND phường", organisation: "HĐND phường Thượng Thanh" },
    ]);
    expect((data.organisations as { name: string }[]).map((o) => o.name)).toEqual([
      "Đảng ủy phường Thượng Thanh",
      "HĐND phường Thượng Thanh",
      "UBND phường Thượng Thanh",
      "Ủy ban MTTQ Việt Nam phường Thượng Thanh",
      "Bộ phận một cửa phường Thượng Thanh",
    ]);
    expect(data.successions.predecessors).toEqual([]);
    expect(data.successions.successors).toMatchObject([
      {
        name: "Việt Hưng",
        kind: "part",
        populationShare: 0.6,
        effectiveDate: "2025-07-01",
        legalBasis: "Nghị quyết 1656/NQ-UBTVQH15",
      },
      { name: "Bồ Đề", code: "00118", kind: "part", populationShare: 0.4 },
    ]);
  });

  it("reads a dissolved unit at its last day when asked about a later date", async () => {
    const { data } = await TypedApi.anonymous(t).expect(200, "get", "/api/v1/units/{id}", {
      path: { id: district },
      query: { at: "2026-01-01" },
    });
    expect(data.at).toBe("2025-06-30");
    expect(data.parentId).toBe(haNoi);
    expect(data.leaders.map((l) => l.name)).toEqual([
      "Đỗ Mạnh Hải",
      "Đường Hoài Nam",
      "Nguyễn Mạnh Hà",
      "Nguyễn Thế Thạch",
      "Đỗ Mạnh Hải",
      "Nguyễn Mạnh Hà",
      "Nguyễn Thế Thạch",
      "Nguyễn Thế Thạch",
    ]);
  });

  it("lists where a new ward came from", async () => {
    const newBoDe = await unitIdAt(t.database.db, "Bồ Đề", "ward", "2026-01-01");
    const { data } = await TypedApi.anonymous(t).expect(200, "get", "/api/v1/units/{id}", {
      path: { id: newBoDe },
    });
    // The clock says 02/01/2020, before the ward existed: read at its first day.
    expect(data.at).toBe("2025-07-01");
    expect(data.successions.predecessors.map((p) => `${p.name}:${p.kind}`)).toEqual([
      "Thượng Thanh:part",
      "Ngọc Thụy:part",
      "Gia Thụy:part",
      "Ngọc Lâm:part",
      "Bồ Đề:whole",
      "Long Biên:part",
    ]);
  });

  it("answers 404 for an unknown unit and 422 for an id that is not a number", async () => {
    const missing = await TypedApi.anonymous(t).expect(404, "get", "/api/v1/units/{id}", {
      path: { id: 99999 },
    });
    expect(missing.error.code).toBe("not_found");
    const bad = await t.app.request("/api/v1/units/abc");
    expect(bad.status).toBe(422);
  });

  it("documents the three operations in the OpenAPI document", async () => {
    const doc = t.app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(Object.keys(doc.paths?.["/api/v1/units/{id}"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(doc.paths?.["/api/v1/units"] ?? {})).toEqual(["get"]);
    // A bearer token, or the session cookie with its CSRF header.
    expect(doc.paths?.["/api/v1/units/{id}"]?.patch?.security).toEqual([
      { bearer: [] },
      { session: [], csrf: [] },
    ]);
  });
});
