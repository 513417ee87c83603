import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/** The text of every run of a WordprocessingML part, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

describe.each(ENGINES)("conclusion notice as Word on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let client: TestClient;
  let noticeId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-05T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    client = new TestClient(t);
    await client.logIn("office");
    const res = await client.sendJson("POST", "/api/v1/conclusions", {
      number: "136-TB/QU",
      issuedOn: "2020-01-05",
      issuingUnitId: s.district,
      issuingBody: "Quận ủy Long Biên",
      parentBody: "Đảng bộ Thành phố Hà Nội",
      placeName: "Long Biên",
      title: "Kết luận của đồng chí Bí thư Quận ủy tại buổi làm việc với phường Thượng Thanh",
      preamble: "Chiều 02/01/2020, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh.",
      signerPersonId: s.chair,
      signerName: "Đỗ Mạnh Hải",
      signerTitle: "Bí thư",
      signingAuthority: "T/M Ban Thường vụ",
      recipients: "- Đảng ủy phường Thượng Thanh,\n- Các phòng, ban quận,",
      items: [
        {
          number: "1",
          area: "economy",
          text: "Tập trung rà soát các nguồn thu của phường; kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.",
          directives: [
            {
              lead: { unitId: s.ward, organisationId: s.org.ubndPhuong },
              coordinators: [{ unitId: s.district, organisationId: s.org.taiChinh }],
              deadline: { kind: "year", date: "2020-12-31", phrase: "trong năm 2020" },
            },
          ],
        },
        { number: "7", area: "fire_prevention", text: "Thường xuyên tăng cường kiểm tra.", directives: [] },
      ],
    });
    expect(res.status).toBe(201);
    noticeId = (await res.json()).data.id;
  });
  afterAll(() => t.close());

  it("prints the NĐ 30/2020 header, body, signature and recipients", async () => {
    const res = await client.request(`/api/v1/conclusions/${noticeId}/docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toContain('filename="Thong-bao-136-TB-QU.docx"');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file("word/document.xml")?.async("string");
    expect(xml).toBeDefined();
    const texts = paragraphs(xml as string);
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
      "QUẬN ỦY LONG BIÊN",
      "Số: 136-TB/QU",
      "Long Biên, ngày 05 tháng 01 năm 2020",
      "THÔNG BÁO",
      "1. Về phát triển kinh tế: Tập trung rà soát các nguồn thu của phường; kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.",
      "Đơn vị chủ trì: UBND phường Thượng Thanh; phối hợp: Phòng Tài chính - Kế hoạch quận Long Biên; thời hạn: trong năm 2020.",
      "7. Về phòng cháy, chữa cháy: Thường xuyên tăng cường kiểm tra.",
      "Nơi nhận:",
      "- Đảng ủy phường Thượng Thanh,",
      "- Lưu: VT.",
      "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ",
      "Đỗ Mạnh Hải",
    ]) {
      expect(texts).toContain(expected);
    }
  });

  it("uses A4, the NĐ 30 margins, Times New Roman 14 pt, justified body with a first-line indent", async () => {
    const res = await client.request(`/api/v1/conclusions/${noticeId}/docx`);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) as string;
    const styles = (await zip.file("word/styles.xml")?.async("string")) as string;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = xml.match(/<w:pgMar ([^>]*)\/>/)?.[1] ?? "";
    const twips = (name: string) => Number(margin.match(new RegExp(`w:${name}="(\\d+)"`))?.[1]);
    // 20 mm top and bottom, 30 mm left, 15 mm right (1 mm = 56,7 twips).
    expect(twips("top") / 56.7).toBeCloseTo(20, 0);
    expect(twips("bottom") / 56.7).toBeCloseTo(20, 0);
    expect(twips("left") / 56.7).toBeCloseTo(30, 0);
    expect(twips("right") / 56.7).toBeCloseTo(15, 0);
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    const bodyParagraph =
      [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].find((p) => p[0].includes("Tập trung rà soát"))?.[0] ?? "";
    expect(bodyParagraph).toContain('<w:jc w:val="both"/>');
    expect(bodyParagraph).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(bodyParagraph).toMatch(/<w:spacing w:after="120"/);
  });
});
