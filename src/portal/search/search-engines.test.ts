import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/databases.js";
import { createUnit } from "../../../test/support/fixtures.js";
import { insertAndIndex } from "../../../test/support/search-articles.js";
import type { Database } from "../../core/db/database.js";
import { type SearchInput, searchArticles } from "./search.service.js";

/**
 * The same ids in the same order on SQLite and PostgreSQL, over a generated corpus large enough that
 * PostgreSQL reads its index in more than one window (postgres-tiers.repo.ts) and that every ranking
 * tier is populated: accented and unaccented spellings of the same syllables (thượng/thuong,
 * hộ/họ/ho, đảng/dang), two-syllable phrases, runs of three and more, words only in titles, rare and
 * very common words, two units and three categories.
 */

const NOW = new Date("2026-07-01T00:00:00Z");
const ARTICLES = 2600;

/** Syllables weighted by how often they are drawn: common ones first, rare ones last. */
const WORDS = [
  ...Array(30).fill("phường"),
  ...Array(12).fill("thực"),
  ...Array(10).fill("hiện"),
  ...Array(8).fill("thượng"),
  ...Array(8).fill("thanh"),
  ...Array(6).fill("hộ"),
  ...Array(6).fill("nghèo"),
  ...Array(6).fill("đảng"),
  ...Array(6).fill("viên"),
  ...Array(4).fill("kết"),
  ...Array(4).fill("quả"),
  ...Array(4).fill("nhiệm"),
  ...Array(4).fill("vụ"),
  ...Array(3).fill("họ"),
  ...Array(3).fill("dang"),
  ...Array(3).fill("chợ"),
  ...Array(3).fill("an"),
  ...Array(3).fill("toàn"),
  ...Array(3).fill("phẩm"),
  ...Array(2).fill("phương"),
  ...Array(2).fill("thuong"),
  "ho",
  "đỗ",
  "mạnh",
  "hải",
  "hai",
  "2020",
  "đường",
  "duong",
];
/** Phrases dropped into texts now and then, so that phrase and run tiers have members. */
const PHRASES = [
  "Thượng Thanh",
  "hộ nghèo",
  "đảng viên",
  "Đỗ Mạnh Hải",
  "kết quả thực hiện nhiệm vụ",
  "chợ an toàn thực phẩm",
  "thuong thanh",
];

/** mulberry32: small and seedable, so both engines get the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(rand: () => number, words: number): string {
  const out: string[] = [];
  while (out.length < words) {
    if (rand() < 0.04) out.push(PHRASES[Math.floor(rand() * PHRASES.length)] as string);
    else out.push(WORDS[Math.floor(rand() * WORDS.length)] as string);
  }
  return out.join(" ");
}

async function fillCorpus(database: Database): Promise<void> {
  const db = database.db;
  const units = [await createUnit(db, { name: "Thượng Thanh" }), await createUnit(db, { name: "Việt Hưng" })];
  const categories: number[] = [];
  for (const [i, name] of ["Tin tức", "Thông báo", "Chỉ đạo"].entries())
    categories.push(
      (
        await db
          .insertInto("categories")
          .values({ slug: `c-${i}`, name, sort_order: i })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
  const rand = random(20200102);
  const rows = Array.from({ length: ARTICLES }, (_, i) => {
    // Several articles share a publish second now and then: the id breaks the tie.
    const publishedAt = new Date(
      NOW.getTime() - (ARTICLES - i - (i % 7 === 0 ? 1 : 0)) * 3_600_000,
    ).toISOString();
    return {
      slug: `bai-${i}`,
      title: text(rand, 4 + Math.floor(rand() * 6)),
      lead: text(rand, 10),
      body_html: `<p>${text(rand, 20 + Math.floor(rand() * 40))}</p>`,
      status: i % 50 === 0 ? "draft" : "published",
      published_at: publishedAt,
      author_id: null,
      unit_id: units[i % 2] as number,
      category_id: i % 11 === 0 ? null : (categories[i % 3] as number),
      views: 0,
      created_at: publishedAt,
      updated_at: publishedAt,
    };
  });
  await insertAndIndex(db, rows);
}

const QUERIES = [
  "thuong thanh",
  "Thượng Thanh",
  "ho ngheo",
  '"hộ nghèo"',
  "họ",
  "đảng viên",
  "dang vien",
  "Đỗ Mạnh Hải",
  "do manh hai",
  "kết quả thực hiện nhiệm vụ",
  "chợ an toàn thực phẩm",
  "phuong",
  "phường",
  "đường",
  "hai 2020",
  '"thực hiện nhiệm vụ"',
  "không có từ này",
];

describe("search gives the same results on SQLite and PostgreSQL", () => {
  let sqlite: Database;
  let postgres: Database;

  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([createTestDatabase("sqlite"), createTestDatabase("postgres")]);
    await Promise.all([fillCorpus(sqlite), fillCorpus(postgres)]);
  }, 180_000);

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  const both = async (input: SearchInput) => {
    const [a, b] = await Promise.all([
      searchArticles(sqlite.db, input, NOW),
      searchArticles(postgres.db, input, NOW),
    ]);
    return {
      sqlite: { ids: a.items.map((i) => i.id), total: a.total, more: a.more },
      postgres: { ids: b.items.map((i) => i.id), total: b.total, more: b.more },
    };
  };

  it.each(QUERIES)("%s: every page the same", async (q) => {
    let seen = 0;
    for (const page of [1, 2, 7, 20]) {
      const result = await both({ q, page, pageSize: 50 });
      expect(result.postgres, `page ${page}`).toEqual(result.sqlite);
      seen += result.sqlite.ids.length;
    }
    if (q !== "không có từ này") expect(seen).toBeGreaterThan(0);
  });

  it("the same with a category, a unit or a date range", async () => {
    const category = await sqlite.db
      .selectFrom("categories")
      .select("id")
      .where("slug", "=", "c-1")
      .executeTakeFirstOrThrow();
    const unit = await sqlite.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Việt Hưng")
      .executeTakeFirstOrThrow();
    for (const q of ["Thượng Thanh", "ho ngheo", "kết quả thực hiện nhiệm vụ"]) {
      for (const filters of [
        { categoryId: category.id },
        { unitId: unit.id },
        { from: "2026-04-01", to: "2026-05-15" },
        { categoryId: category.id, from: "2026-01-01" },
      ]) {
        const result = await both({ q, page: 1, pageSize: 50, ...filters });
        expect(result.postgres, JSON.stringify(filters)).toEqual(result.sqlite);
        expect(result.sqlite.ids.length).toBeGreaterThan(0);
      }
    }
  });

  it("ranks the reader's own spelling and the title first, alike", async () => {
    // Not vacuous: the first results of an accented query differ from those of the same query typed
    // without accents (the tiers did something), and both engines agree on each.
    const accented = await both({ q: "Thượng Thanh", page: 1, pageSize: 20 });
    const plain = await both({ q: "thuong thanh", page: 1, pageSize: 20 });
    expect(accented.sqlite.total).toBe(plain.sqlite.total);
    expect(accented.sqlite.ids).not.toEqual(plain.sqlite.ids);
    expect(accented.postgres).toEqual(accented.sqlite);
    expect(plain.postgres).toEqual(plain.sqlite);
  });
});
