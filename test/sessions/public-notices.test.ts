import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setArticleLinks } from "../../src/portal/articles/article-links.repo.js";
import { insertArticle } from "../../src/portal/articles/articles.repo.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/**
 * Public accountability: the owner publishes a conclusion notice (a Party notice only when confirmed),
 * anyone follows each item's state at /ket-luan/{id} as the work moves (the page cache on, as in
 * production), the article on the session links to it, the ward's page counts its commitments, and
 * nobody else may publish or withdraw.
 */

const ITEMS = [
  ["1", "economy", "Tập trung rà soát các nguồn thu của phường, bảo đảm chỉ tiêu thu ngân sách giao."],
  ["2", "urban_management", "Duy trì công tác bảo đảm trật tự đô thị, quản lý tuyến phố văn minh."],
  ["3", "land", "Xây dựng kế hoạch thực hiện triệt để Kết luận số 316, không để phát sinh vi phạm."],
] as const;

describe.each(ENGINES)("publishing a conclusion notice on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let other: TestClient;
  let noticeId: number;
  let itemIds: number[];
  let directiveIds: number[];

  beforeAll(async () => {
    // The page cache on, for long: only the pipeline's invalidation can keep pages current.
    t = await createTestApp(engine, {
      now: new Date("2020-01-06T03:00:00Z"),
      config: { pageCacheTtlMs: 3_600_000 },
    });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    other = new TestClient(t, "203.0.113.9");
    await other.logIn("otherward");
    const session = await office.sendJson("POST", "/api/v1/sessions", {
      kind: "working_visit",
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      hostUnitId: s.ward,
      visitingUnitId: s.district,
      visitingOrganisationId: s.org.quanUy,
      startsAt: "2020-01-02T14:00:00+07:00",
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      chairName: "Đỗ Mạnh Hải",
    });
    const sessionId = (await session.json()).data.id as number;
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
      items: ITEMS.map(([number, area, text], i) => ({
        number,
        area,
        text,
        directives: [
          {
            lead: { unitId: s.ward, organisationId: s.org.ubndPhuong },
            coordinators: [],
            deadline:
              i === 2
                ? { kind: "date", date: "2020-03-31", phrase: null }
                : { kind: "year", date: "2020-12-31" },
          },
        ],
      })),
    });
    expect(notice.status).toBe(201);
    const data = (await notice.json()).data;
    noticeId = data.id;
    itemIds = data.items.map((i: { id: number }) => i.id);
    directiveIds = data.items.map((i: { directives: { id: number }[] }) => i.directives[0]?.id);
    const articleId = await insertArticle(t.database.db, {
      slug: "btv-lam-viec-thuong-thanh",
      title: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh",
      lead: null,
      bodyHtml: "<p>Nội dung</p>",
      status: "published",
      publishedAt: "2020-01-02T14:49:00.000Z",
      unitId: s.district,
      categoryId: null,
      authorId: null,
      now: new Date("2020-01-02T14:49:00Z"),
    });
    await setArticleLinks(t.database.db, articleId, { sessionIds: [sessionId], unitIds: [s.ward] });
  });
  afterAll(() => t.close());

  const publicPage = () => new TestClient(t).page(`/ket-luan/${noticeId}`);
  const audits = (action: string) =>
    t.database.db
      .selectFrom("audit_events")
      .select(["after_json", "before_json"])
      .where("action", "=", action)
      .where("entity_type", "=", "conclusion_notice")
      .execute();

  it("keeps a notice internal until its owner publishes it", async () => {
    expect((await publicPage()).response.status).toBe(404);
    expect((await new TestClient(t).request(`/api/v1/public/conclusions/${noticeId}`)).status).toBe(404);
    // The article is cached without a link to a page that does not exist.
    const article = await new TestClient(t).page("/tin-tuc/btv-lam-viec-thuong-thanh");
    expect(article.html).not.toContain(`/ket-luan/${noticeId}`);
  });

  it("lets no one but the issuing unit publish: anonymous refused, the ward 403, another ward 404", async () => {
    const body = { confirmParty: true };
    const path = `/api/v1/conclusions/${noticeId}/publication`;
    // Anonymous: refused before the service (no session, and no CSRF token either).
    expect([401, 403]).toContain((await new TestClient(t).sendJson("PUT", path, body)).status);
    expect((await ward.sendJson("PUT", path, body)).status).toBe(403);
    expect((await other.sendJson("PUT", path, body)).status).toBe(404);
    expect((await ward.page(`/quan-tri/thong-bao-ket-luan/${noticeId}/cong-khai`)).response.status).toBe(403);
    expect((await audits("publish_notice")).length).toBe(0);
  });

  it("keeps a Party notice internal unless its owner confirms, with the warning beside the box", async () => {
    const form = await office.page(`/quan-tri/thong-bao-ket-luan/${noticeId}/cong-khai`);
    expect(form.html).toContain("Đây là văn bản của tổ chức Đảng");
    const refused = await office.postForm(
      `/quan-tri/thong-bao-ket-luan/${noticeId}/cong-khai`,
      { _action: "publish", itemIds: String(itemIds[0]), showReports: "1" },
      `/quan-tri/thong-bao-ket-luan/${noticeId}/cong-khai`,
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('id="f-confirmParty-error"');
    const api = await office.sendJson("PUT", `/api/v1/conclusions/${noticeId}/publication`, {});
    expect(api.status).toBe(422);
    expect((await api.json()).error.fields).toHaveProperty("confirmParty");
    const stray = await office.sendJson("PUT", `/api/v1/conclusions/${noticeId}/publication`, {
      confirmParty: true,
      itemIds: [itemIds[0], 999_999],
    });
    expect(stray.status).toBe(422);
    expect((await publicPage()).response.status).toBe(404);
    expect((await audits("publish_notice")).length).toBe(0);
  });

  it("publishes the items chosen, audited; the article on the session links to the page", async () => {
    const res = await office.sendJson("PUT", `/api/v1/conclusions/${noticeId}/publication`, {
      confirmParty: true,
      itemIds: [itemIds[0], itemIds[2]],
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ href: `/ket-luan/${noticeId}`, showReports: true });
    const [event] = await audits("publish_notice");
    expect(JSON.parse(event?.after_json ?? "{}")).toMatchObject({ partyNotice: true, showReports: true });

    const { response, html } = await publicPage();
    expect(response.status).toBe(200);
    expect(html).toContain("Kết luận tại buổi làm việc với phường Thượng Thanh");
    expect(html).toContain("136-TB/QU");
    expect(html).toContain(ITEMS[0][2]);
    expect(html).not.toContain(ITEMS[1][2]);
    expect(html).toContain("UBND phường Thượng Thanh");
    expect(html).toContain("trong năm 2020");
    expect(html).toContain("Đang thực hiện");
    const article = await new TestClient(t).page("/tin-tuc/btv-lam-viec-thuong-thanh");
    expect(article.html).toContain(`href="/ket-luan/${noticeId}"`);
    expect(article.html).toContain("Theo dõi thực hiện kết luận (Thông báo 136-TB/QU)");
  });

  it("shows only the reports marked public, and each change of the work at once", async () => {
    await ward.sendJson("POST", `/api/v1/directives/${directiveIds[0]}/progress`, {
      percent: 40,
      text: "Đã rà soát, lập danh sách các nguồn thu.",
      public: true,
    });
    await ward.sendJson("POST", `/api/v1/directives/${directiveIds[0]}/progress`, {
      percent: 50,
      text: "Ghi chú nội bộ về hộ nợ thuế.",
    });
    let { html } = await publicPage();
    expect(html).toContain("Đã rà soát, lập danh sách các nguồn thu.");
    expect(html).not.toContain("Ghi chú nội bộ");
    expect(html).toContain("50%");

    await ward.sendJson("POST", `/api/v1/directives/${directiveIds[0]}/actions`, {
      action: "submit",
      text: "Thu ngân sách đạt 104% dự toán.",
      public: true,
    });
    await office.sendJson("POST", `/api/v1/directives/${directiveIds[0]}/actions`, { action: "confirm" });
    ({ html } = await publicPage());
    expect(html).toContain("Đã hoàn thành đúng hạn");
    expect(html).toContain("(báo cáo hoàn thành)");
    const json = await (await new TestClient(t).request(`/api/v1/public/conclusions/${noticeId}`)).json();
    expect(json.data.summary).toMatchObject({ items: 2, done: 1, doneOnTime: 1, overdue: 0, inProgress: 1 });
    expect(json.data.items[0].reports[0]).not.toHaveProperty("reporterName");
  });

  it("says an item is overdue, by how many days, once its deadline has passed", async () => {
    t.setNow(new Date("2020-04-10T03:00:00Z"));
    // Sessions last 12 hours: everyone signs in again.
    for (const [client, username] of [
      [office, "office"],
      [ward, "ward"],
      [other, "otherward"],
    ] as const) {
      await client.page("/dang-nhap");
      await client.logIn(username);
    }
    const { html } = await publicPage();
    expect(html).toContain("Quá hạn 10 ngày");
  });

  it("lists the ward's published commitments with how many are done, on time or late", async () => {
    const { html } = await new TestClient(t).page(`/don-vi/${s.ward}/gioi-thieu`);
    expect(html).toContain("Kết luận công khai và tình hình thực hiện");
    expect(html).toContain("2 nội dung: 1 đã hoàn thành (1 đúng hạn, 0 chậm hạn), 1 quá hạn");
    const unitPage = await new TestClient(t).page(`/don-vi/${s.ward}`);
    expect(unitPage.html).toContain(`href="/ket-luan/${noticeId}"`);
    const otherWard = await new TestClient(t).page(`/don-vi/${s.otherWard}/gioi-thieu`);
    expect(otherWard.html).not.toContain("Kết luận công khai");
  });

  it("lets only the owner withdraw (audited); the page is gone and withdrawing again is a conflict", async () => {
    const path = `/api/v1/conclusions/${noticeId}/publication`;
    expect((await ward.sendJson("DELETE", path, undefined)).status).toBe(403);
    expect((await other.sendJson("DELETE", path, undefined)).status).toBe(404);
    expect((await office.sendJson("DELETE", path, undefined)).status).toBe(204);
    expect(await audits("withdraw_notice")).toHaveLength(1);
    expect((await publicPage()).response.status).toBe(404);
    const article = await new TestClient(t).page("/tin-tuc/btv-lam-viec-thuong-thanh");
    expect(article.html).not.toContain(`/ket-luan/${noticeId}`);
    expect((await office.sendJson("DELETE", path, undefined)).status).toBe(409);
  });
});
