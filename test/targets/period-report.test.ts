import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertResult } from "../../src/targets/entry/results.repo.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "./seed.js";

/** The text of every paragraph of word/document.xml. */
async function paragraphsOf(response: Response): Promise<string[]> {
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

/** The cells of the table row whose second cell is `name`. */
function rowOf(paragraphs: string[], name: string): string[] {
  const at = paragraphs.indexOf(name);
  return at < 1 ? [] : paragraphs.slice(at - 1, at + 7);
}

describe.each(ENGINES)("the period's report as a Word draft on %s", (engine) => {
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

  const report = (query: string) => office.request(`/api/v1/units/${lb.thuongThanh}/report?${query}`);

  it("drafts the year's report in the State form: title, narrative, figures table, placeholders, signature", async () => {
    const response = await report("period=2019");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    expect(response.headers.get("content-disposition")).toContain('filename="Bao-cao-2019.docx"');
    const text = await paragraphsOf(response);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("PHƯỜNG THƯỢNG THANH");
    expect(text).toContain("Số: …/BC-UBND");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện nhiệm vụ năm 2019");
    const narrative = text.find((p) => p.startsWith("Năm 2019, phường Thượng Thanh"));
    expect(narrative).toContain("đã hoàn thành vượt mức 16 chỉ tiêu");
    expect(narrative).toContain("thu ngân sách nhà nước trên địa bàn đạt 111%");
    // The rank, from emulation through the standing extension (here: the evaluation-based ranking).
    expect(narrative).toMatch(
      / Với những kết quả đã đạt được, phường Thượng Thanh được quận đánh giá thi đua xếp thứ 1\/14 phường\.$/,
    );
    expect(text.slice(text.indexOf("TT"), text.indexOf("TT") + 8)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Kế hoạch",
      "Thực hiện",
      "% đạt",
      "Cùng kỳ năm trước",
      "So với cùng kỳ",
    ]);
    const revenue = rowOf(text, "Thu ngân sách nhà nước trên địa bàn");
    expect(revenue.slice(2, 6)).toEqual(["tỷ đồng", "40", "44,4", "111%"]);
    expect(revenue[7]).toMatch(/^bằng \d+(,\d)?%$/);
    expect(text).toContain("[Nhiệm vụ, giải pháp trọng tâm]");
    expect(text).toContain("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2020");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(text).toContain("[Họ và tên]");
    expect(text).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });

  it("uses the Party form on request, never mixing the two headers", async () => {
    const text = await paragraphsOf(await report("period=2019&form=party"));
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("ĐẢNG BỘ QUẬN LONG BIÊN");
    expect(text).toContain("ĐẢNG ỦY PHƯỜNG THƯỢNG THANH");
    expect(text).toContain("*");
    expect(text).toContain("Số …-BC/ĐU");
    expect(text).toContain("T/M ĐẢNG ỦY");
    expect(text).toContain("BÍ THƯ");
    expect(text).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).not.toContain("TM. ỦY BAN NHÂN DÂN");
  });

  it("drafts the six-month report against the year's target and the first half of last year", async () => {
    // The demo's six-month review (targets-six-months.demo.ts): revenue 18,5 in 2018-6T, 21,3 in
    // 2019-6T, against the district's 2019 estimate of 40: 21,3 ÷ 40 = 53,25%, 21,3 ÷ 18,5 = 115,1%.
    const text = await paragraphsOf(await report("period=2019-6T"));
    expect(text).toContain("Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2019");
    expect(text).toContain("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2019");
    const row = rowOf(text, "Thu ngân sách nhà nước trên địa bàn");
    expect(row.slice(2, 8)).toEqual(["tỷ đồng", "40 (cả năm)", "21,3", "53,3%", "18,5", "bằng 115,1%"]);
  });

  it("is for those who may read every figure of the unit", async () => {
    expect((await t.app.request(`/api/v1/units/${lb.thuongThanh}/report?period=2019`)).status).toBe(401);
    const other = new TestClient(t, "198.51.100.51");
    await other.logIn("ngocthuy");
    expect((await other.request(`/api/v1/units/${lb.thuongThanh}/report?period=2019`)).status).toBe(403);
    const page = await office.page(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019`);
    expect(page.html).toContain(`href="/api/v1/units/${lb.thuongThanh}/report?period=2019"`);
    const anonymous = await (await t.app.request(`/don-vi/${lb.thuongThanh}/danh-gia?ky=2019`)).text();
    expect(anonymous).not.toContain("Tải dự thảo báo cáo");
  });
});
