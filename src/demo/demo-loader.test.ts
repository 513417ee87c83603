import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../test/support/databases.js";
import { DEMO_PASSWORD } from "../accounts/accounts.demo.js";
import { verifyPassword } from "../accounts/password.js";
import type { Database } from "../core/db/database.js";
import type { DB } from "../core/db/schema.js";
import { REFERENCE_ARTICLE } from "../portal/articles/articles.demo.js";
import { loadDemoIfEmpty, resetDemo } from "./demo-loader.js";

const NOW = new Date("2019-12-31T17:00:00Z");

/** Rows per table right after loading the demo. */
const EXPECTED_COUNTS: Partial<Record<keyof DB, number>> = {
  units: 23, // Hà Nội, quận Long Biên, 14 old wards, 4 new wards, Hồng Hà, Gia Lâm, Bát Tràng
  unit_parents: 22,
  unit_successions: 26,
  organisations: 93,
  people: 5,
  positions: 10,
  users: 5,
  role_grants: 9,
  categories: 4,
  media: 2,
  articles: 3,
  article_images: 2,
  // The demo's own event plus the sessions demo's story, told through the audited use cases, and the
  // library's one document filed by NOW (36-HD/VPTW; 136-TB/QU is published after NOW).
  audit_events: 14,
  documents: 1,
  // The targets module's demo, loaded in the same transaction.
  indicators: 16,
  // The sessions module's: the session of 02/01/2020 and its notice with nine conclusions. NOW is
  // before the session, so the ward's proposals are not raised yet (test/sessions/demo.test.ts
  // loads at a later date and checks them).
  working_sessions: 1,
  conclusion_notices: 1,
  conclusion_items: 9,
  proposals: 0,
  // The reference article is linked to that session and to the ward it is about.
  article_sessions: 1,
  article_units: 1,
  // Every published demo article is searchable right after loading.
  search_documents: 3,
};

async function countRows(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.keys(EXPECTED_COUNTS) as (keyof DB)[]) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe.each(ENGINES)("demo loader on %s", (engine) => {
  let database: Database;
  let mediaDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    mediaDir = path.join(mkdtempSync(path.join(tmpdir(), "giaoban-demo-")), "media");
  });
  afterAll(async () => {
    await database.close();
  });

  it("loads into an empty database once, then refuses", async () => {
    expect(await loadDemoIfEmpty(database, NOW, mediaDir)).toBe(true);
    expect(await countRows(database)).toEqual(EXPECTED_COUNTS);
    expect(await loadDemoIfEmpty(database, NOW, mediaDir)).toBe(false);
    expect(await countRows(database)).toEqual(EXPECTED_COUNTS);
  });

  it("stores the reference article as published, with both photos placed between blocks", async () => {
    const article = await database.db
      .selectFrom("articles")
      .innerJoin("categories", "categories.id", "articles.category_id")
      .innerJoin("units", "units.id", "articles.unit_id")
      .select([
        "articles.id",
        "articles.title",
        "articles.status",
        "articles.published_at",
        "articles.views",
        "articles.body_html",
        "categories.slug as category",
        "units.name as unit",
        "units.level as level",
      ])
      .where("articles.slug", "=", REFERENCE_ARTICLE.slug)
      .executeTakeFirstOrThrow();
    expect(article).toMatchObject({
      title: "Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh",
      status: "published",
      published_at: "2020-01-02T14:49:00.000Z",
      views: 129,
      category: "tin-tuc-su-kien",
      unit: "Long Biên",
      level: "district",
    });
    expect(
      article.body_html.startsWith(
        "<p>Thực hiện Chương trình công tác của Quận ủy Long Biên, chiều 02/01/2020",
      ),
    ).toBe(true);
    expect(article.body_html).toContain("<ul><li>Lãnh đạo phường Thượng Thanh báo cáo rõ");
    expect(article.body_html).toContain("<p>5. Công văn hóa xã hội: năm 2020 phường xóa hết hộ nghèo");
    expect(article.body_html).toContain("hỏa  táng");
    expect(article.body_html.match(/<p>\d\. /g)).toHaveLength(9);
    expect(article.body_html.endsWith("xây dựng phường ngày càng phát triển./.</p>")).toBe(true);

    const images = await database.db
      .selectFrom("article_images")
      .innerJoin("media", "media.id", "article_images.media_id")
      .select([
        "article_images.caption",
        "article_images.position",
        "media.storage_key",
        "media.mime_type",
        "media.byte_size",
      ])
      .where("article_images.article_id", "=", article.id)
      .orderBy("article_images.sort_order")
      .execute();
    expect(images.map((i) => [i.position, i.storage_key, i.mime_type])).toEqual([
      [4, "demo-1.jpg", "image/jpeg"],
      [6, "demo-2.jpg", "image/jpeg"],
    ]);
    expect(images[0]?.caption).toBe(
      "Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.",
    );
    expect(images[1]?.caption).toBe(
      "Đ/c Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường báo cáo trước hội nghị",
    );

    for (const image of images) {
      const bytes = readFileSync(path.join(mediaDir, image.storage_key));
      expect(bytes.length).toBe(image.byte_size);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 960, 600]);
      const thumb = await sharp(
        readFileSync(path.join(mediaDir, image.storage_key.replace(".jpg", "-t.jpg"))),
      ).metadata();
      expect([thumb.format, thumb.width, thumb.height]).toEqual(["jpeg", 480, 300]);
    }
  });

  it("keeps the reference article newest of the demo articles", async () => {
    const newest = await database.db
      .selectFrom("articles")
      .select("slug")
      .where("status", "=", "published")
      .orderBy("published_at", "desc")
      .executeTakeFirstOrThrow();
    expect(newest.slug).toBe(REFERENCE_ARTICLE.slug);
  });

  it("creates the demo accounts with the documented password and grants", async () => {
    const users = await database.db
      .selectFrom("users")
      .innerJoin("role_grants", "role_grants.user_id", "users.id")
      .innerJoin("units", "units.id", "role_grants.unit_id")
      .select([
        "users.username",
        "users.password_hash",
        "role_grants.role",
        "units.name",
        "role_grants.valid_from",
        "role_grants.valid_to",
      ])
      .orderBy("users.username")
      .orderBy("role_grants.role")
      .execute();
    expect(users.map((u) => `${u.username}:${u.role}@${u.name}`)).toEqual([
      "admin:system_admin@Hà Nội",
      "bientap:editor@Long Biên",
      "thuongthanh:data_officer@Thượng Thanh",
      "thuongthanh:unit_admin@Thượng Thanh",
      "thuongthanh:writer@Thượng Thanh",
      "vanphong.longbien:data_officer@Long Biên",
      "vanphong.longbien:leader@Long Biên",
      "vanphong.longbien:unit_admin@Long Biên",
      "yte.longbien:department_officer@Long Biên",
    ]);
    expect(new Set(users.map((u) => u.valid_from))).toEqual(new Set(["2019-01-01"]));
    expect(users.every((u) => u.valid_to === null)).toBe(true);
    const admin = users.find((u) => u.username === "admin");
    expect(await verifyPassword(admin?.password_hash ?? "", DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin?.password_hash ?? "", "sai-mat-khau")).toBe(false);
  });

  it("reuses code 00118 for two different units: old Ngọc Thụy and new Bồ Đề", async () => {
    const rows = await database.db
      .selectFrom("units")
      .select(["id", "name", "valid_from", "valid_to"])
      .where("code", "=", "00118")
      .orderBy("valid_from")
      .execute();
    expect(rows.map((r) => [r.name, r.valid_from, r.valid_to])).toEqual([
      ["Ngọc Thụy", "2003-11-06", "2025-06-30"],
      ["Bồ Đề", "2025-07-01", null],
    ]);
    expect(rows[0]?.id).not.toBe(rows[1]?.id);
  });

  it("resets: a changed row is restored, extra rows are gone, ids start again", async () => {
    const before = await database.db
      .selectFrom("units")
      .select(["id", "phone", "intro"])
      .where("code", "=", "00115")
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable("units")
      .set({ phone: "000", intro: "đã sửa" })
      .where("id", "=", before.id)
      .execute();
    await database.db
      .insertInto("categories")
      .values({ slug: "them-vao", name: "Thêm vào", sort_order: 99 })
      .execute();

    await resetDemo(database, NOW, mediaDir);

    const after = await database.db
      .selectFrom("units")
      .select(["id", "phone", "intro"])
      .where("code", "=", "00115")
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(after.phone).toBeNull();
    expect(await countRows(database)).toEqual(EXPECTED_COUNTS);
    // The old log is gone: what remains is the demo story's own events and the reset itself.
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "actor_name"])
      .orderBy("id")
      .execute();
    expect(audit.at(-1)).toEqual({ action: "demo_reset", actor_name: "hệ thống" });
    expect(audit.filter((e) => e.action.startsWith("demo_"))).toHaveLength(1);
  });
});
