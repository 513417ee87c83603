import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { setArticleLinks } from "./article-links.repo.js";
import { insertArticle } from "./articles.repo.js";

/**
 * An article linked to a working session and to units, as readers see it: the article says what it
 * is about, the units' pages list it, and "Tin liên quan" offers the other news about those units.
 */

const NOW = new Date("2020-01-05T03:00:00Z");
const REF = "ban-thuong-vu-lam-viec-voi-phuong-thuong-thanh";

describe.each(ENGINES)("articles linked to sessions and units, on the public pages, on %s", (engine) => {
  let t: TestApp;
  let wardId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: NOW });
    const db = t.database.db;
    const district = await createUnit(db, { name: "Long Biên", level: "district" });
    wardId = await createUnit(db, { name: "Thượng Thanh", parentId: district });
    const otherWard = await createUnit(db, { name: "Ngọc Thụy", parentId: district });
    const category = async (slug: string, name: string, sort: number) =>
      (
        await db
          .insertInto("categories")
          .values({ slug, name, sort_order: sort })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const news = await category("tin-tuc-su-kien", "Tin tức - Sự kiện", 1);
    const wards = await category("hoat-dong-cac-phuong", "Hoạt động các phường", 2);
    const add = (slug: string, title: string, at: string, unitId: number, categoryId: number) =>
      insertArticle(db, {
        slug,
        title,
        lead: null,
        bodyHtml: `<p>${title}</p>`,
        status: "published",
        publishedAt: at,
        unitId,
        categoryId,
        authorId: null,
        now: NOW,
      });
    const reference = await add(
      REF,
      "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      "2020-01-02T14:49:00.000Z",
      district,
      news,
    );
    await add(
      "thuong-thanh-tong-ket",
      "Phường Thượng Thanh tổng kết năm 2019",
      "2019-12-30T03:15:00.000Z",
      wardId,
      wards,
    );
    await add(
      "ngoc-thuy-ra-quan",
      "Phường Ngọc Thụy ra quân đầu năm",
      "2020-01-03T01:00:00.000Z",
      otherWard,
      wards,
    );
    const session = await db
      .insertInto("working_sessions")
      .values({
        kind: "working_visit",
        title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
        program_item_id: null,
        owner_unit_id: district,
        host_unit_id: wardId,
        host_organisation_id: null,
        visiting_unit_id: district,
        visiting_organisation_id: null,
        starts_at: "2020-01-02T07:00:00.000Z",
        ends_at: null,
        place: "Phòng họp 1 UBND phường",
        chair_person_id: null,
        chair_name: "Đỗ Mạnh Hải",
        chair_title: "Bí thư Quận ủy",
        minutes: null,
        created_by: null,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setArticleLinks(db, reference, { sessionIds: [session.id], unitIds: [wardId] });
  });
  afterAll(async () => {
    await t.close();
  });

  it("the article names the units it is about and the working session it reports on", async () => {
    const { html } = await new TestClient(t).page(`/tin-tuc/${REF}`);
    expect(html).toContain(
      `<dt>Đơn vị liên quan</dt><dd><a href="/don-vi/${wardId}/gioi-thieu">Phường Thượng Thanh</a></dd>`,
    );
    expect(html).toMatch(
      /<dt>Buổi làm việc<\/dt><dd>Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh \(<time datetime="2020-01-02T07:00:00.000Z">14:00 ngày 02\/01\/2020<\/time>, Phòng họp 1 UBND phường\)<\/dd>/,
    );
  });

  it("offers the other news about the linked unit as related, before other news", async () => {
    const { html } = await new TestClient(t).page(`/tin-tuc/${REF}`);
    const related = html.slice(html.indexOf('id="tin-lien-quan"'));
    expect(related).toContain("Phường Thượng Thanh tổng kết năm 2019");
    // Another ward's news in another category is not related.
    expect(related).not.toContain("Ngọc Thụy");
  });

  it("lists a district article linked to the ward among the ward's news", async () => {
    const { html } = await new TestClient(t).page(`/don-vi/${wardId}/gioi-thieu`);
    const news = html.slice(html.indexOf("Tin bài của đơn vị"));
    expect(news).toContain("Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh");
    expect(news).toContain("Phường Thượng Thanh tổng kết năm 2019");
    expect(news.indexOf("Ban Thường vụ")).toBeLessThan(news.indexOf("tổng kết"));
    expect(news).not.toContain("Ngọc Thụy ra quân");
  });
});
