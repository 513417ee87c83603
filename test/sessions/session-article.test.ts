import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/**
 * From a held session to its draft article: only the host unit's editors and leaders may draft; the
 * draft sits in the editorial workflow (draft, linked to the session and its units) with the session's
 * attendees, conclusions and proposals, audited; a session not yet held has no article.
 */
describe.each(ENGINES)("drafting a session's article on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let editor: TestClient;
  let writer: TestClient;
  let other: TestClient;
  let sessionId: number;
  let futureId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-06T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    await createUser(t.database.db, {
      username: "bientap",
      grants: [{ role: "editor", unitId: s.district }],
    });
    await createUser(t.database.db, { username: "viet", grants: [{ role: "writer", unitId: s.ward }] });
    await createUser(t.database.db, {
      username: "bientap2",
      grants: [{ role: "editor", unitId: s.otherWard }],
    });
    office = new TestClient(t);
    await office.logIn("office");
    editor = new TestClient(t, "203.0.113.10");
    await editor.logIn("bientap");
    writer = new TestClient(t, "203.0.113.11");
    await writer.logIn("viet");
    other = new TestClient(t, "203.0.113.12");
    await other.logIn("bientap2");
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
      chairTitle: "Bí thư Quận ủy, Chủ tịch HĐND quận",
      attendees: [
        { name: "Đỗ Mạnh Hải", title: "Bí thư Quận ủy", side: "visiting" },
        { name: "Đường Hoài Nam", title: "Phó Bí thư Thường trực Quận ủy", side: "visiting" },
        { name: "Phạm Thị Minh Hồng", title: "Bí thư Đảng ủy, Chủ tịch HĐND phường", side: "host" },
      ],
      agenda: [{ title: "Kết quả thực hiện nhiệm vụ chính trị năm 2019", presenter: "Phạm Thị Minh Hồng" }],
      documents: [{ title: "Báo cáo năm 2019", kind: "evaluation", unitId: s.ward, periodKey: "2019" }],
    });
    sessionId = (await session.json()).data.id;
    const notice = await office.sendJson("POST", "/api/v1/conclusions", {
      sessionId,
      number: "136-TB/QU",
      issuedOn: "2020-01-05",
      issuingUnitId: s.district,
      issuingBody: "QUẬN ỦY LONG BIÊN",
      placeName: "Long Biên",
      title: "Kết luận tại buổi làm việc với phường Thượng Thanh",
      signerName: "Đỗ Mạnh Hải",
      signerTitle: "Bí thư",
      items: [
        { number: "1", area: "economy", text: "Tập trung rà soát các nguồn thu của phường.", directives: [] },
        {
          number: "2",
          area: "land",
          text: "Giải quyết dứt điểm vướng mắc cấp giấy chứng nhận.",
          directives: [],
        },
      ],
    });
    expect(notice.status).toBe(201);
    const ward = new TestClient(t, "203.0.113.13");
    await ward.logIn("ward");
    const proposal = await ward.sendJson("POST", "/api/v1/proposals", {
      sessionId,
      from: { unitId: s.ward, organisationId: s.org.ubndPhuong },
      topic: "Đề nghị quận bố trí vốn xây dựng trường THCS chất lượng cao",
      addressees: [{ unitId: s.district, organisationId: s.org.taiChinh }],
    });
    expect(proposal.status).toBe(201);
    const future = await office.sendJson("POST", "/api/v1/sessions", {
      kind: "working_visit",
      title: "Làm việc với phường Thượng Thanh quý I",
      hostUnitId: s.ward,
      startsAt: "2020-03-02T08:00:00+07:00",
      place: "Hội trường",
      chairName: "Đỗ Mạnh Hải",
    });
    futureId = (await future.json()).data.id;
  });
  afterAll(() => t.close());

  const draftPath = (id: number) => `/api/v1/sessions/${id}/article-draft`;

  it("lets only the host unit's editors and leaders draft: a writer 403, another ward's editor 404", async () => {
    expect((await writer.sendJson("POST", draftPath(sessionId), undefined)).status).toBe(403);
    expect((await other.sendJson("POST", draftPath(sessionId), undefined)).status).toBe(404);
    expect((await writer.page(`/quan-tri/buoi-lam-viec/${sessionId}/soan-tin`)).response.status).toBe(403);
    const count = await t.database.db.selectFrom("articles").select("id").execute();
    expect(count).toHaveLength(0);
  });

  it("refuses a session not yet held", async () => {
    expect((await office.sendJson("POST", draftPath(futureId), undefined)).status).toBe(409);
  });

  it("shows the button on the session's page to those who may draft, and a preview", async () => {
    const page = await editor.page(`/quan-tri/buoi-lam-viec/${sessionId}`);
    expect(page.html).toContain(`href="/quan-tri/buoi-lam-viec/${sessionId}/soan-tin"`);
    expect(page.html).toContain("Soạn tin bài");
    const json = await (
      await editor.request(`/api/v1/sessions/${sessionId}`, { headers: { accept: "application/json" } })
    ).json();
    expect(json.data.articleDraft).toEqual({ href: `/quan-tri/buoi-lam-viec/${sessionId}/soan-tin` });
    const ward = new TestClient(t, "203.0.113.14");
    await ward.logIn("ward");
    expect((await ward.page(`/quan-tri/buoi-lam-viec/${sessionId}`)).html).not.toContain("/soan-tin");
    const preview = await editor.page(`/quan-tri/buoi-lam-viec/${sessionId}/soan-tin`);
    expect(preview.html).toContain("Quận ủy Long Biên làm việc với phường Thượng Thanh");
    expect(preview.html).toContain("Tạo bản nháp tin bài");
  });

  it("saves a draft linked to the session and its units, with attendees, conclusions and proposals; audited", async () => {
    const res = await editor.postForm(
      `/quan-tri/buoi-lam-viec/${sessionId}/soan-tin`,
      {},
      `/quan-tri/buoi-lam-viec/${sessionId}/soan-tin`,
    );
    expect(res.status).toBe(303);
    const articleId = Number(res.headers.get("location")?.split("/").pop());
    const article = await t.database.db
      .selectFrom("articles")
      .selectAll()
      .where("id", "=", articleId)
      .executeTakeFirstOrThrow();
    expect(article).toMatchObject({
      status: "draft",
      unit_id: s.ward,
      title: "Quận ủy Long Biên làm việc với phường Thượng Thanh",
    });
    expect(article.lead).toMatch(
      /^Chiều 02\/01\/2020, tại Phòng họp 1 UBND phường Thượng Thanh, Quận ủy Long Biên làm việc với phường Thượng Thanh về kết quả/,
    );
    expect(article.lead).toContain("Đồng chí Đỗ Mạnh Hải – Bí thư Quận ủy, Chủ tịch HĐND quận chủ trì.");
    expect(article.body_html).toContain("đồng chí Đường Hoài Nam – Phó Bí thư Thường trực Quận ủy");
    expect(article.body_html).toContain(
      "<li>Về phát triển kinh tế: Tập trung rà soát các nguồn thu của phường.</li>",
    );
    expect(article.body_html).toContain("Đề nghị quận bố trí vốn xây dựng trường THCS chất lượng cao");
    const sessions = await t.database.db
      .selectFrom("article_sessions")
      .select("session_id")
      .where("article_id", "=", articleId)
      .execute();
    expect(sessions).toEqual([{ session_id: sessionId }]);
    const units = await t.database.db
      .selectFrom("article_units")
      .select("unit_id")
      .where("article_id", "=", articleId)
      .orderBy("unit_id")
      .execute();
    expect(units.map((u) => u.unit_id).sort()).toEqual([s.district, s.ward].sort());
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "entity_type"])
      .where((eb) =>
        eb.or([
          eb.and([eb("entity_type", "=", "article"), eb("entity_id", "=", String(articleId))]),
          eb("action", "=", "draft_from_session"),
        ]),
      )
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "create", entity_type: "article" },
      { action: "draft_from_session", entity_type: "working_session" },
    ]);
    // Not public until an editor publishes it.
    expect((await new TestClient(t).request(`/tin-tuc/${article.slug}`)).status).toBe(404);
  });

  it("lets the district's leader draft through the API too", async () => {
    const res = await office.sendJson("POST", draftPath(sessionId), undefined);
    expect(res.status).toBe(201);
    const data = (await res.json()).data;
    expect(data).toMatchObject({ status: "draft", editHref: `/quan-tri/bai-viet/${data.id}` });
  });
});
