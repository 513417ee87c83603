import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/** A district Party committee's notice of 2020, naming the ward's bodies that were dissolved in 2025. */
const NOTICE = `QUẬN ỦY LONG BIÊN
*
Số 136-TB/QU
ĐẢNG CỘNG SẢN VIỆT NAM
Long Biên, ngày 05 tháng 01 năm 2020
THÔNG BÁO
KẾT LUẬN CỦA THƯỜNG TRỰC QUẬN ỦY
Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ quận;
I. ĐÁNH GIÁ CHUNG
Năm 2019, phường hoàn thành vượt mức 16 chỉ tiêu.
II. NHIỆM VỤ NĂM 2020
1. Giao UBND phường Thượng Thanh chủ trì, phối hợp với Phòng Tài nguyên và Môi trường quận Long Biên rà soát đất công; hoàn thành trước ngày 30/6/2020.
2. Đảng ủy phường Thượng Thanh:
a) Lãnh đạo tổ chức đại hội chi bộ trong quý I/2020;
b) Xây dựng chuyên đề đánh giá hệ thống chính trị tổ dân phố.
3. Ban Chỉ đạo 197 kiểm tra trật tự đô thị thường xuyên.
III. KIẾN NGHỊ
1. Đề nghị Thành ủy quan tâm bố trí vốn xây dựng trường học.
Nơi nhận:
- Thường trực Quận ủy,
- Lưu VPQU.`;

interface Party {
  text: string;
  unitId: number | null;
  organisationId: number | null;
  candidates: { key: string; name: string }[];
}
interface Item {
  path: string;
  kind: string;
  text: string;
  leadUnit: Party | null;
  coordinatingUnits: Party[];
  deadline: { kind: string; date: string | null; phrase: string | null };
  subItems: Item[];
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...flatten(i.subItems)]);
}

describe.each(ENGINES)("POST /api/v1/conclusions/parse on a notice with sections on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2026-12-07T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    const db = t.database.db;
    // The ward's bodies ended with the 2025 reorganisation; two steering committees share a name.
    await db
      .updateTable("organisations")
      .set({ valid_to: "2025-06-30" })
      .where("id", "in", [s.org.ubndPhuong, s.org.dangUyPhuong])
      .execute();
    for (const unitId of [s.district, s.ward]) {
      await db
        .insertInto("organisations")
        .values({
          unit_id: unitId,
          kind: "board",
          name: "Ban Chỉ đạo 197",
          valid_from: "2010-01-01",
          valid_to: null,
          sort_order: 9,
        })
        .execute();
    }
    office = new TestClient(t);
    await office.logIn("office");
  });
  afterAll(() => t.close());

  async function parse(body: Record<string, unknown>) {
    const res = await office.sendJson("POST", "/api/v1/conclusions/parse", body);
    expect(res.status).toBe(200);
    return (await res.json()).data as { items: Item[]; date: string; dateSource: string };
  }

  it("returns the tree with paths, kinds, parties as of the notice's date, and deadlines with their phrases", async () => {
    const data = await parse({ text: NOTICE });
    expect(data).toMatchObject({ date: "2020-01-05", dateSource: "place_line", mode: "outline" });
    const items = flatten(data.items);
    expect(items.map((i) => [i.path, i.kind])).toEqual([
      ["I", "heading"],
      ["II", "heading"],
      ["II.1", "task"],
      ["II.2", "task"],
      ["II.2.a", "task"],
      ["II.2.b", "task"],
      ["II.3", "task"],
      ["III", "heading"],
      ["III.1", "request"],
    ]);
    const byPath = Object.fromEntries(items.map((i) => [i.path, i]));
    expect(byPath["II.1"]).toMatchObject({
      leadUnit: { text: "UBND phường Thượng Thanh", organisationId: s.org.ubndPhuong, candidates: [] },
      coordinatingUnits: [
        { text: "Phòng Tài nguyên và Môi trường quận Long Biên", organisationId: s.org.tnmt },
      ],
      deadline: { kind: "date", date: "2020-06-30", phrase: "hoàn thành trước ngày 30/6/2020" },
    });
    expect(byPath["II.2.a"]).toMatchObject({
      leadUnit: { text: "Đảng ủy phường Thượng Thanh", organisationId: s.org.dangUyPhuong },
      deadline: { kind: "quarter", date: "2020-03-31", phrase: "trong quý I/2020" },
    });
    expect(byPath["II.3"]?.leadUnit).toMatchObject({
      text: "Ban Chỉ đạo 197",
      unitId: null,
      organisationId: null,
    });
    expect(byPath["II.3"]?.leadUnit?.candidates).toHaveLength(2);
    expect(byPath["II.3"]?.deadline).toMatchObject({ kind: "recurring", phrase: "thường xuyên" });
    expect(JSON.stringify(data.items)).not.toMatch(/Căn cứ|Nơi nhận|Lưu VPQU|Năm 2019/);
  });

  it("resolves names as of the date given: the ward's dissolved bodies name nobody today", async () => {
    const data = await parse({ text: NOTICE, date: "2026-12-07" });
    expect(data).toMatchObject({ date: "2026-12-07", dateSource: "given" });
    const first = flatten(data.items).find((i) => i.path === "II.1");
    expect(first?.leadUnit).toMatchObject({ text: "UBND phường Thượng Thanh", organisationId: null });
  });

  it("reads a text without any date as of today", async () => {
    const data = await parse({ text: "Giao UBND phường Thượng Thanh rà soát đất công." });
    expect(data).toMatchObject({ date: "2026-12-07", dateSource: "today" });
    expect(data.items[0]).toMatchObject({ path: "s1", kind: "task", leadUnit: { organisationId: null } });
  });

  it("refuses an empty text with the field's path", async () => {
    const res = await office.sendJson("POST", "/api/v1/conclusions/parse", { text: "" });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/text/);
  });
});
