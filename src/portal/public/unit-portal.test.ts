import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { insertArticle } from "../articles/articles.repo.js";

/** The unit's "Giới thiệu" page and the form its officers keep it current with. */

const NOW = new Date("2020-01-05T03:00:00Z");

describe.each(ENGINES)("unit portal page on %s", (engine) => {
  let t: TestApp;
  let wardId: number;
  let otherWardId: number;
  let personId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    const db = t.database.db;
    const district = await createUnit(db, { name: "Long Biên", level: "district" });
    wardId = await createUnit(db, { name: "Thượng Thanh", parentId: district });
    otherWardId = await createUnit(db, { name: "Ngọc Thụy", parentId: district });
    await db
      .updateTable("units")
      .set({ address: "Số 1 phố Thượng Thanh", phone: "024 3827 1234" })
      .where("id", "=", wardId)
      .execute();
    const org = await db
      .insertInto("organisations")
      .values({
        unit_id: wardId,
        kind: "party_committee",
        name: "Đảng ủy phường Thượng Thanh",
        valid_from: "2015-01-01",
        valid_to: null,
        sort_order: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const person = await db
      .insertInto("people")
      .values({ full_name: "Phạm Thị Minh Hồng", biography: "Sinh năm 1975, cử nhân Luật." })
      .returning("id")
      .executeTakeFirstOrThrow();
    personId = person.id;
    await db
      .insertInto("positions")
      .values({
        person_id: personId,
        organisation_id: org.id,
        title: "Bí thư Đảng ủy",
        is_leader: 1,
        sort_order: 1,
        valid_from: null,
        valid_to: null,
      })
      .execute();
    await insertArticle(db, {
      slug: "tin-phuong",
      title: "Tin của phường Thượng Thanh",
      lead: null,
      bodyHtml: "<p>x</p>",
      status: "published",
      publishedAt: "2020-01-02T02:00:00.000Z",
      unitId: wardId,
      categoryId: null,
      authorId: null,
      now: NOW,
    });
    await createUser(db, { username: "qt.thuongthanh", grants: [{ role: "unit_admin", unitId: wardId }] });
    await createUser(db, { username: "qt.ngocthuy", grants: [{ role: "unit_admin", unitId: otherWardId }] });
  });
  afterAll(async () => {
    await t.close();
  });

  it("publishes structure, leaders with biography and duties, history, contacts, news and open data", async () => {
    const { response, html } = await new TestClient(t).page(`/don-vi/${wardId}/gioi-thieu`);
    expect(response.status).toBe(200);
    expect(html).toContain("<h1>Giới thiệu Phường Thượng Thanh</h1>");
    expect(html).toContain("<h3>Phạm Thị Minh Hồng</h3>");
    expect(html).toContain("Sinh năm 1975, cử nhân Luật.");
    expect(html).toContain("<dt>Nhiệm vụ được phân công</dt><dd>Chưa cập nhật.</dd>");
    expect(html).toContain("Số 1 phố Thượng Thanh");
    expect(html).toContain("Đảng ủy phường Thượng Thanh");
    expect(html).toContain('<a href="/tin-tuc/tin-phuong">Tin của phường Thượng Thanh</a>');
    expect(html).toContain(`href="/du-lieu-mo/${wardId}"`);
    expect((await new TestClient(t).request("/don-vi/999999/gioi-thieu")).status).toBe(404);
  });

  it("lets the unit's administrator edit it (audited); others get 403, visitors the login page", async () => {
    const anonymous = await new TestClient(t).request(`/quan-tri/don-vi/${wardId}/cong-thong-tin`);
    expect(anonymous.status).toBe(302);
    const other = new TestClient(t);
    await other.logIn("qt.ngocthuy");
    expect((await other.request(`/quan-tri/don-vi/${wardId}/cong-thong-tin`)).status).toBe(403);

    const admin = new TestClient(t);
    await admin.logIn("qt.thuongthanh");
    const form = await admin.page(`/quan-tri/don-vi/${wardId}/cong-thong-tin`);
    expect(form.html).toContain(`<label for="f-duties-${personId}">`);
    const saved = await admin.postForm(`/quan-tri/don-vi/${wardId}/cong-thong-tin`, {
      history: "Phường được thành lập năm 2003.\n\nNăm 2019 xếp thứ 1/14 phường.",
      boundary: "Phía Bắc giáp phường Ngọc Thụy.",
      area: "3,98",
      population: "32.150",
      populationYear: "2019",
      [`duties-${personId}`]: "Phụ trách chung; công tác xây dựng Đảng.",
    });
    expect(saved.status).toBe(303);
    const { html } = await new TestClient(t).page(`/don-vi/${wardId}/gioi-thieu`);
    expect(html).toContain("<p>Phường được thành lập năm 2003.</p><p>Năm 2019 xếp thứ 1/14 phường.</p>");
    expect(html).toContain("3,98 km²");
    expect(html).toContain("<dt>Dân số (năm 2019)</dt><dd>32.150 người</dd>");
    expect(html).toContain("Phụ trách chung; công tác xây dựng Đảng.");
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action", "after_json"])
      .where("entity_type", "=", "unit_portal")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after_json).toContain("32150");
    // The form shows the stored numbers the vi-VN way.
    const again = await admin.page(`/quan-tri/don-vi/${wardId}/cong-thong-tin`);
    expect(again.html).toContain('value="32.150"');
    expect(again.html).toContain('value="3,98"');
  });

  it("explains wrong input next to each field and saves nothing", async () => {
    const admin = new TestClient(t);
    await admin.logIn("qt.thuongthanh");
    const response = await admin.postForm(`/quan-tri/don-vi/${wardId}/cong-thong-tin`, {
      history: "Mới",
      area: "3.98",
      population: "100",
      populationYear: "",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Dấu chấm chỉ dùng để tách nhóm ba chữ số");
    expect(html).toContain("Vui lòng nhập năm của số liệu dân số.");
    const { html: page } = await new TestClient(t).page(`/don-vi/${wardId}/gioi-thieu`);
    expect(page).toContain("Phường được thành lập năm 2003.");
  });
});
