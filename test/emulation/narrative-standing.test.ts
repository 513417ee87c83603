import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { loadEmulationDemo } from "../../src/demo/load-emulation.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";

/**
 * Emulation's part of the narrative (issue 13, part 7): the rank, the quality level and the award
 * proposals stored by emulation reach the targets room's paragraph through its standing extension.
 */
describe.each(ENGINES)("rank, quality level and awards in the narrative on %s", (engine) => {
  let t: TestApp;
  let thuongThanh: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const now = new Date("2020-01-02T08:00:00Z");
    await loadDemoIfEmpty(t.database, now, mkdtempSync(path.join(tmpdir(), "giaoban-media-")));
    if (!(await db.selectFrom("emulation_schemes").select("id").executeTakeFirst())) {
      await db.transaction().execute((trx) => loadEmulationDemo(trx, { now }));
    }
    const unit = await db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Thượng Thanh")
      .where("level", "=", "ward")
      .executeTakeFirstOrThrow();
    thuongThanh = unit.id;
  });
  afterAll(() => t.close());

  it("says what the article says after the figures: 1/14, the level, the flags proposed", async () => {
    const html = await (await t.app.request(`/don-vi/${thuongThanh}/danh-gia?ky=2019`)).text();
    const narrative =
      html.match(/<h2 id="narrative-title">Đoạn văn tổng hợp<\/h2><p>([^<]*)<\/p>/)?.[1] ?? "";
    expect(narrative.slice(narrative.indexOf("Với những kết quả"))).toBe(
      "Với những kết quả đã đạt được, phường Thượng Thanh được quận đánh giá thi đua xếp thứ 1/14 phường. " +
        "Đảng ủy phường Thượng Thanh được công nhận “hoàn thành xuất sắc nhiệm vụ”. " +
        "Phường Thượng Thanh được Hội đồng Thi đua - Khen thưởng quận Long Biên đề xuất tặng cờ thi đua của " +
        "Chính phủ và cờ thi đua của UBND Thành phố.",
    );
  });
});
