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

/** The raw XML of the paragraph whose text is `text`. */
function paragraphXml(xml: string, text: string): string {
  return (
    [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0]).find((p) => paragraphs(p)[0] === text) ??
    ""
  );
}

interface DocxParts {
  document: string;
  texts: string[];
  /** header/footer part name → its XML, as the section references them ("default", "first"). */
  headers: Record<string, string>;
  footers: Record<string, string>;
}

async function readDocx(bytes: ArrayBuffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const document = (await zip.file("word/document.xml")?.async("string")) as string;
  const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) as string;
  const target = (id: string) => rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? "";
  const parts = async (kind: "header" | "footer") => {
    const out: Record<string, string> = {};
    for (const m of document.matchAll(new RegExp(`<w:${kind}Reference w:type="(\\w+)" r:id="(\\w+)"`, "g"))) {
      out[m[1] as string] = (await zip.file(`word/${target(m[2] as string)}`)?.async("string")) ?? "";
    }
    return out;
  };
  return {
    document,
    texts: paragraphs(document),
    headers: await parts("header"),
    footers: await parts("footer"),
  };
}

describe.each(ENGINES)("conclusion notice as Word on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let client: TestClient;
  let partyId: number;
  let stateId: number;
  let oldStateId: number;

  async function save(body: Record<string, unknown>): Promise<number> {
    const res = await client.sendJson("POST", "/api/v1/conclusions", body);
    expect(res.status).toBe(201);
    return (await res.json()).data.id;
  }

  async function docx(id: number): Promise<DocxParts> {
    const res = await client.request(`/api/v1/conclusions/${id}/docx`);
    expect(res.status).toBe(200);
    return readDocx(await res.arrayBuffer());
  }

  /** A notice of the ward's People's Committee, signed by a deputy chair, with two sub-items. */
  const wardNotice = (issuedOn: string, number: string) => ({
    number,
    issuedOn,
    issuingUnitId: s.ward,
    issuingBody: "UBND phường Thượng Thanh",
    parentBody: "UBND quận Long Biên",
    placeName: "Long Biên",
    title: "Kết luận của đồng chí Phó Chủ tịch UBND phường tại cuộc họp giao ban",
    signerName: "Nguyễn Văn An",
    signerTitle: "Phó Chủ tịch",
    recipients: "Các tổ dân phố\nCông an phường",
    items: [
      { number: "1", area: "urban_management", text: "Tăng cường quản lý trật tự đô thị.", directives: [] },
      {
        number: "1",
        area: "urban_management",
        text: "Ra quân dẹp lấn chiếm vỉa hè.",
        parentIndex: 0,
        directives: [],
      },
      {
        number: "2",
        area: "urban_management",
        text: "Xử lý vi phạm xây dựng.",
        parentIndex: 0,
        directives: [],
      },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-06-10T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    client = new TestClient(t);
    await client.logIn("office");
    partyId = await save({
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
      signingAuthority: "TM. Ban Thường vụ",
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
        { number: "a", area: "economy", text: "Rà soát nguồn thu.", parentIndex: 0, directives: [] },
        { number: "7", area: "fire_prevention", text: "Thường xuyên tăng cường kiểm tra.", directives: [] },
      ],
    });
    stateId = await save(wardNotice("2020-06-10", "12/TB-UBND"));
    oldStateId = await save(wardNotice("2019-12-20", "98/TB-UBND"));
  });
  afterAll(() => t.close());

  it("prints a Party committee's notice by HD 36-HD/VPTW: Party title, star, number without colon, T/M", async () => {
    const res = await client.request(`/api/v1/conclusions/${partyId}/docx`);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toContain('filename="Thong-bao-136-TB-QU.docx"');
    const { texts, document } = await readDocx(await res.arrayBuffer());
    for (const expected of [
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
      "QUẬN ỦY LONG BIÊN",
      "*",
      "Số 136-TB/QU",
      "Long Biên, ngày 05 tháng 01 năm 2020",
      "THÔNG BÁO",
      "1. Về phát triển kinh tế: Tập trung rà soát các nguồn thu của phường; kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.",
      "Đơn vị chủ trì: UBND phường Thượng Thanh; phối hợp: Phòng Tài chính - Kế hoạch quận Long Biên; thời hạn: trong năm 2020.",
      "a) Rà soát nguồn thu.",
      "7. Về phòng cháy, chữa cháy: Thường xuyên tăng cường kiểm tra.",
      "Nơi nhận:",
      "- Đảng ủy phường Thượng Thanh,",
      "- Lưu Văn phòng Quận ủy.",
      "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ",
      "Đỗ Mạnh Hải",
    ]) {
      expect(texts).toContain(expected);
    }
    // Never the State's motto, number with a colon or archive line in a Party document.
    for (const wrong of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 136-TB/QU",
    ])
      expect(texts).not.toContain(wrong);
    expect(texts.some((x) => x.includes("Lưu: VT"))).toBe(false);
    // HD 36: the title 15 pt bold, the place and date in italics, "Nơi nhận" underlined.
    expect(paragraphXml(document, "ĐẢNG CỘNG SẢN VIỆT NAM")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="30"\/>/);
    expect(paragraphXml(document, "Long Biên, ngày 05 tháng 01 năm 2020")).toContain("<w:i/>");
    expect(paragraphXml(document, "Nơi nhận:")).toContain('<w:u w:val="single"/>');
  });

  it("prints a People's Committee's notice by NĐ 30/2020: national name, motto, Số:, TM./KT., sub-items a), b)", async () => {
    const { texts, document } = await docx(stateId);
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "UBND QUẬN LONG BIÊN",
      "UBND PHƯỜNG THƯỢNG THANH",
      "Số: 12/TB-UBND",
      "Long Biên, ngày 10 tháng 06 năm 2020",
      "1. Về quản lý đô thị: Tăng cường quản lý trật tự đô thị.",
      "a) Ra quân dẹp lấn chiếm vỉa hè.",
      "b) Xử lý vi phạm xây dựng.",
      "- Các tổ dân phố",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ]) {
      expect(texts).toContain(expected);
    }
    for (const wrong of ["ĐẢNG CỘNG SẢN VIỆT NAM", "*", "1) Ra quân dẹp lấn chiếm vỉa hè."])
      expect(texts).not.toContain(wrong);
    expect(paragraphXml(document, "Nơi nhận:")).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraphXml(document, "Long Biên, ngày 10 tháng 06 năm 2020")).toContain("<w:i/>");
  });

  it("numbers pages from page 2: NĐ 30 and HD 36 at the top centre, TT 01/2011 (before 05/3/2020) bottom right", async () => {
    for (const id of [partyId, stateId]) {
      const { document, headers, footers } = await docx(id);
      expect(document).toContain("<w:titlePg/>");
      expect(headers.default).toMatch(/PAGE/);
      expect(headers.default).toContain('<w:jc w:val="center"/>');
      expect(headers.first).toBeDefined();
      expect(headers.first).not.toMatch(/PAGE/);
      expect(Object.values(footers).join("")).not.toMatch(/PAGE/);
    }
    const old = await docx(oldStateId);
    expect(old.texts).toContain("Số: 98/TB-UBND");
    expect(old.document).toContain("<w:titlePg/>");
    expect(old.footers.default).toMatch(/PAGE/);
    expect(old.footers.default).toContain('<w:jc w:val="right"/>');
    expect(old.footers.first).not.toMatch(/PAGE/);
    expect(Object.values(old.headers).join("")).not.toMatch(/PAGE/);
  });

  it("uses A4, the NĐ 30 margins, Times New Roman 14 pt, justified body with a first-line indent", async () => {
    const res = await client.request(`/api/v1/conclusions/${stateId}/docx`);
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
      [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].find((p) => p[0].includes("Xử lý vi phạm"))?.[0] ?? "";
    expect(bodyParagraph).toContain('<w:jc w:val="both"/>');
    expect(bodyParagraph).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(bodyParagraph).toMatch(/<w:spacing w:after="120"/);
  });
});
