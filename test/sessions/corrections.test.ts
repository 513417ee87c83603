import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/** Correcting a saved conclusion notice and a recorded proposal, over HTTP as the screens do it. */
describe.each(ENGINES)("correcting notices and proposals on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let sessionId: number;
  let noticeId: number;
  let itemIds: number[];

  const ITEM1 = "Tập trung khai thác các nguồn thu, phấn đấu hoàn thành chỉ tiêu thu ngân sách năm 2020.";
  const ITEM2 = "Làm tốt công tác quản lý đất đai, trật tự xây dựng.";
  const ITEM3 = "Đồng ý với các kiến nghị của phường.";

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-06T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.50");
    await ward.logIn("ward");
    const session = await office.sendJson("POST", "/api/v1/sessions", {
      kind: "working_visit",
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      hostUnitId: s.ward,
      visitingUnitId: s.district,
      visitingOrganisationId: s.org.quanUy,
      startsAt: "2020-01-02T14:00:00+07:00",
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      chairPersonId: s.chair,
      chairName: "Đỗ Mạnh Hải",
    });
    expect(session.status).toBe(201);
    sessionId = (await session.json()).data.id;
    const lead = { unitId: s.ward, organisationId: s.org.ubndPhuong };
    const notice = await office.sendJson("POST", "/api/v1/conclusions", {
      sessionId,
      number: "136-TB/QU",
      issuedOn: "2020-01-05",
      issuingUnitId: s.district,
      issuingBody: "QUẬN ỦY LONG BIÊN",
      placeName: "Long Biên",
      title: "Kết luận tại buổi làm việc với phường Thượng Thanh",
      signerPersonId: s.chair,
      signerName: "Đỗ Mạnh Hải",
      signerTitle: "Bí thư",
      items: [
        {
          number: "1",
          area: "economy",
          text: ITEM1,
          directives: [{ lead, deadline: { kind: "year", date: "2020-12-31" } }],
        },
        {
          number: "2",
          area: "land",
          text: ITEM2,
          directives: [
            { title: "Xử lý dứt điểm vi phạm trật tự xây dựng", lead, deadline: { kind: "recurring" } },
          ],
        },
        { number: "3", area: "proposals", text: ITEM3 },
      ],
    });
    expect(notice.status).toBe(201);
    const body = await notice.json();
    noticeId = body.data.id;
    itemIds = body.data.items.map((i: { id: number }) => i.id);
  });
  afterAll(() => t.close());

  const directives = () =>
    t.database.db
      .selectFrom("directives")
      .select(["id", "item_id", "title", "assigner_name", "assigner_person_id"])
      .where("notice_id", "=", noticeId)
      .orderBy("id")
      .execute();

  const audits = (type: string) =>
    t.database.db
      .selectFrom("audit_events")
      .select(["entity_id", "before_json", "after_json"])
      .where("entity_type", "=", type)
      .where("action", "=", "update")
      .orderBy("id")
      .execute();

  const editForm = (overrides: Record<string, string> = {}) => ({
    number: "136-TB/QU",
    issuedOn: "2020-01-05",
    issuingBody: "QUẬN ỦY LONG BIÊN",
    parentBody: "",
    placeName: "Long Biên",
    title: "Kết luận tại buổi làm việc với phường Thượng Thanh",
    preamble: "",
    signer: String(s.chair),
    signerName: "Đỗ Mạnh Hải",
    signerTitle: "Bí thư",
    signingAuthority: "",
    recipients: "",
    rowCount: "4",
    "item-0-id": String(itemIds[0]),
    "item-0-number": "1",
    "item-0-area": "economy",
    "item-0-text": ITEM1,
    "item-1-id": String(itemIds[1]),
    "item-1-number": "2",
    "item-1-area": "land",
    "item-1-text": ITEM2,
    "item-2-id": String(itemIds[2]),
    "item-2-number": "3",
    "item-2-area": "proposals",
    "item-2-text": ITEM3,
    "item-3-id": "",
    "item-3-number": "",
    "item-3-area": "other",
    "item-3-text": "",
    ...overrides,
  });

  it("offers the correction only to whoever may issue for the issuing unit", async () => {
    const page = await office.page(`/quan-tri/thong-bao-ket-luan/${noticeId}`);
    expect(page.html).toContain(`href="/quan-tri/thong-bao-ket-luan/${noticeId}/sua"`);
    const wardPage = await ward.page(`/quan-tri/thong-bao-ket-luan/${noticeId}`);
    expect(wardPage.response.status).toBe(200);
    expect(wardPage.html).not.toContain("Sửa thông báo");
    expect((await ward.request(`/quan-tri/thong-bao-ket-luan/${noticeId}/sua`)).status).toBe(403);
    expect(
      (await ward.postForm(`/quan-tri/thong-bao-ket-luan/${noticeId}/sua`, editForm({ number: "X" }))).status,
    ).toBe(403);
    const form = await office.page(`/quan-tri/thong-bao-ket-luan/${noticeId}/sua`);
    expect(form.html).toContain('value="136-TB/QU"');
    expect(form.html).toContain("Đã giao 1 nhiệm vụ từ nội dung này");
    // Only the item no directive was made from may be dropped.
    expect(form.html).toContain('name="item-2-remove"');
    expect(form.html).not.toContain('name="item-0-remove"');
  });

  it("says what is wrong next to the fields and changes nothing", async () => {
    const res = await office.postForm(
      `/quan-tri/thong-bao-ket-luan/${noticeId}/sua`,
      editForm({
        number: "",
        "item-0-text": "",
        "item-1-remove": "1",
        "item-3-text": "Nội dung mới",
        "item-3-number": "",
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-number-error">Vui lòng nhập số thông báo (ví dụ 136-TB/QU).</p>');
    expect(html).toContain('id="f-item-0-text-error">Vui lòng nhập nội dung kết luận.</p>');
    expect(html).toContain('id="f-item-1-remove">Nội dung đã được giao nhiệm vụ, không bỏ được.</p>');
    expect(html).toContain('id="f-item-3-number-error">Vui lòng nhập số thứ tự.</p>');
    expect(html).toContain("Nội dung mới</textarea>");
    const notice = await t.database.db
      .selectFrom("conclusion_notices")
      .select("number")
      .where("id", "=", noticeId)
      .executeTakeFirstOrThrow();
    expect(notice.number).toBe("136-TB/QU");
    expect(await audits("conclusion_notice")).toEqual([]);
  });

  it("corrects header and items, keeps the directives made from them consistent, audits before and after", async () => {
    const res = await office.postForm(
      `/quan-tri/thong-bao-ket-luan/${noticeId}/sua`,
      editForm({
        number: "137-TB/QU",
        signer: "",
        signerName: "Đường Hoài Nam",
        signerTitle: "Phó Bí thư Thường trực",
        "item-0-text": `${ITEM1} Quý I/2020 báo cáo kết quả.`,
        "item-1-text": `${ITEM2} Kiên quyết xử lý vi phạm.`,
        "item-2-remove": "1",
        "item-3-number": "4",
        "item-3-area": "party_building",
        "item-3-text": "Chuẩn bị tốt Đại hội Đảng bộ phường nhiệm kỳ 2020 - 2025.",
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/quan-tri/thong-bao-ket-luan/${noticeId}?ok=sua`);
    const page = await office.page(res.headers.get("location") as string);
    expect(page.html).toContain("Đã lưu thay đổi của thông báo.");
    expect(page.html).toContain("Số 137-TB/QU");
    expect(page.html).toContain("Quý I/2020 báo cáo kết quả.");
    expect(page.html).toContain("Chuẩn bị tốt Đại hội Đảng bộ phường");
    expect(page.html).not.toContain(ITEM3);

    const [first, second] = await directives();
    // Titled with its item's text: follows the correction. Titled on its own: keeps its title.
    expect(first?.title).toBe(`${ITEM1} Quý I/2020 báo cáo kết quả.`);
    expect(second?.title).toBe("Xử lý dứt điểm vi phạm trật tự xây dựng");
    // Both were given by the signer: the corrected signer gave them.
    expect(first).toMatchObject({ assigner_name: "Đường Hoài Nam", assigner_person_id: null });
    expect(second).toMatchObject({ assigner_name: "Đường Hoài Nam", assigner_person_id: null });

    const [noticeAudit] = await audits("conclusion_notice");
    expect(JSON.parse(noticeAudit?.before_json ?? "{}")).toMatchObject({
      number: "136-TB/QU",
      signerName: "Đỗ Mạnh Hải",
    });
    expect(JSON.parse(noticeAudit?.after_json ?? "{}")).toMatchObject({
      number: "137-TB/QU",
      signerName: "Đường Hoài Nam",
    });
    const directiveAudits = await audits("directive");
    const firstAudit = directiveAudits.find((a) => a.entity_id === String(first?.id));
    expect(JSON.parse(firstAudit?.before_json ?? "{}")).toEqual({
      title: ITEM1,
      assignerPersonId: s.chair,
      assignerName: "Đỗ Mạnh Hải",
    });
    expect(JSON.parse(firstAudit?.after_json ?? "{}")).toMatchObject({
      title: `${ITEM1} Quý I/2020 báo cáo kết quả.`,
      assignerName: "Đường Hoài Nam",
    });
    // The directives read the corrected number wherever they are listed.
    const list = await office.sendJson("GET", `/api/v1/directives?notice=${noticeId}`, undefined);
    const rows = (await list.json()).data as { noticeNumber: string }[];
    expect(rows.map((r) => r.noticeNumber)).toEqual(["137-TB/QU", "137-TB/QU"]);
  });

  it("corrects through the API too, with field paths for bad input", async () => {
    const base = {
      number: "137-TB/QU",
      issuedOn: "2020-01-05",
      issuingBody: "QUẬN ỦY LONG BIÊN",
      placeName: "Long Biên",
      title: "Kết luận của Ban Thường vụ Quận ủy tại buổi làm việc với phường Thượng Thanh",
      signerName: "Đường Hoài Nam",
      signerTitle: "Phó Bí thư Thường trực",
    };
    const bad = await office.sendJson("PUT", `/api/v1/conclusions/${noticeId}`, {
      ...base,
      items: [{ id: itemIds[1], number: "2", area: "land", text: " ", remove: false }],
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toEqual({ "items.0.text": "Vui lòng nhập nội dung kết luận." });
    const ok = await office.sendJson("PUT", `/api/v1/conclusions/${noticeId}`, {
      ...base,
      items: [{ id: itemIds[1], number: "2", area: "land", text: `${ITEM2} Kiên quyết xử lý vi phạm.` }],
    });
    expect(ok.status).toBe(200);
    const data = (await ok.json()).data;
    expect(data.title).toBe(base.title);
    expect(data.items.map((i: { number: string }) => i.number)).toEqual(["1", "2", "4"]);
    expect(
      (await ward.sendJson("PUT", `/api/v1/conclusions/${noticeId}`, { ...base, items: [] })).status,
    ).toBe(422);
    const refused = await ward.sendJson("PUT", `/api/v1/conclusions/${noticeId}`, {
      ...base,
      items: [{ id: itemIds[1], number: "2", area: "land", text: "x" }],
    });
    expect(refused.status).toBe(403);
  });

  describe("a proposal", () => {
    let url: string;
    const proposalAudits = () => audits("proposal");

    it("is corrected by the unit that raised it, audited with before and after", async () => {
      const created = await office.postForm("/quan-tri/kien-nghi/moi", {
        buoi: String(sessionId),
        from: `u${s.ward}`,
        topic: "Hỗ trợ kinh phí cải tạo nhà văn hóa",
        addressees: `o${s.org.taiChinh}`,
        answerDue: "2020-02-28",
      });
      expect(created.status).toBe(303);
      url = (created.headers.get("location") as string).replace(/\?.*$/, "");
      const page = await ward.page(url);
      expect(page.html).toContain(`href="${url}/sua"`);
      const form = await ward.page(`${url}/sua`);
      expect(form.html).toContain("Hỗ trợ kinh phí cải tạo nhà văn hóa</textarea>");
      expect(form.html).toContain('value="2020-02-28"');
      const saved = await ward.postForm(`${url}/sua`, {
        from: `o${s.org.ubndPhuong}`,
        topic: "Hỗ trợ kinh phí cải tạo nhà văn hóa tổ dân phố số 5",
        text: "Nhà văn hóa xuống cấp.",
        addressees: `o${s.org.qldt}`,
        answerDue: "2020-03-15",
      });
      expect(saved.status).toBe(303);
      const after = await ward.page(saved.headers.get("location") as string);
      expect(after.html).toContain("Đã lưu thay đổi của kiến nghị.");
      expect(after.html).toContain("tổ dân phố số 5");
      expect(after.html).toContain("Phòng Quản lý đô thị quận Long Biên");
      expect(after.html).toContain("15/03/2020");
      const [audit] = await proposalAudits();
      expect(JSON.parse(audit?.before_json ?? "{}")).toMatchObject({
        topic: "Hỗ trợ kinh phí cải tạo nhà văn hóa",
        answerDue: "2020-02-28",
        addressees: [{ unitId: s.district, organisationId: s.org.taiChinh }],
      });
      expect(JSON.parse(audit?.after_json ?? "{}")).toMatchObject({
        topic: "Hỗ trợ kinh phí cải tạo nhà văn hóa tổ dân phố số 5",
        answerDue: "2020-03-15",
        addressees: [{ unitId: s.district, organisationId: s.org.qldt }],
      });
    });

    it("says what is wrong next to the fields", async () => {
      const res = await ward.postForm(`${url}/sua`, {
        from: `u${s.ward}`,
        topic: " ",
        answerDue: "2020-02-31",
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain("Vui lòng nhập nội dung kiến nghị.");
      expect(html).toContain("Vui lòng chọn nơi nhận kiến nghị.");
      expect(html).toContain("Hạn trả lời không hợp lệ.");
      expect((await proposalAudits()).length).toBe(1);
    });

    it("is not corrected by the department it is addressed to, nor by another ward", async () => {
      const qldt = new TestClient(t, "203.0.113.51");
      await qldt.logIn("qldt");
      const page = await qldt.page(url);
      expect(page.html).toContain("Trả lời kiến nghị");
      expect(page.html).not.toContain("Sửa kiến nghị");
      expect((await qldt.request(`${url}/sua`)).status).toBe(403);
      const refused = await qldt.postForm(`${url}/sua`, {
        from: `u${s.ward}`,
        topic: "Đổi nội dung",
        addressees: `o${s.org.qldt}`,
      });
      expect(refused.status).toBe(403);
      const id = url.split("/").pop();
      const api = await qldt.sendJson("PUT", `/api/v1/proposals/${id}`, {
        from: { unitId: s.ward },
        topic: "Đổi nội dung",
        addressees: [{ unitId: s.district, organisationId: s.org.qldt }],
      });
      expect(api.status).toBe(403);
      const other = new TestClient(t, "203.0.113.52");
      await other.logIn("otherward");
      expect((await other.request(`${url}/sua`)).status).toBe(404);
      expect((await proposalAudits()).length).toBe(1);
    });
  });
});
