import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { listOpenDataPeriods } from "../open-data/open-data.repo.js";
import { openDataHref } from "../open-data/open-data.views.js";
import { listVisibleArticles } from "./public.repo.js";
import { ArticleLinks } from "./public-components.views.js";
import { unitPortalHref } from "./unit-portal.views.js";

/**
 * The portal's part of a unit's public page (/don-vi/:id): where to read what the law asks a unit to
 * publish (its introduction page: structure, leaders' biographies and duties, history, contacts),
 * its approved figures, and its newest news. An async component, so the units page includes it with
 * one line: `<UnitPortalSection db={db} unitId={unit.id} now={now} />`.
 */

const NEWS_COUNT = 5;

export async function UnitPortalSection({ db, unitId, now }: { db: Kysely<DB>; unitId: number; now: Date }) {
  const [news, periods] = await Promise.all([
    listVisibleArticles(
      db,
      { nowIso: now.toISOString(), aboutUnitIds: [unitId] },
      { limit: NEWS_COUNT, offset: 0 },
    ),
    listOpenDataPeriods(db, unitId),
  ]);
  const latest = periods[0];
  return (
    <section aria-labelledby="cong-khai-don-vi" class="unit-portal-links">
      <h2 id="cong-khai-don-vi">Thông tin công khai của đơn vị</h2>
      <ul>
        <li>
          <a href={unitPortalHref(unitId)}>Giới thiệu</a>: cơ cấu tổ chức, lãnh đạo (tiểu sử tóm tắt và nhiệm
          vụ được phân công), lịch sử, địa giới, liên hệ.
        </li>
        {latest ? (
          <li>
            <a href={openDataHref(unitId, latest)}>Dữ liệu mở</a>: kết quả thực hiện chỉ tiêu đã phê duyệt
            (mới nhất: {latest}), tải về CSV và Excel.
          </li>
        ) : null}
      </ul>
      {news.length > 0 ? (
        <>
          <h3>Tin bài về đơn vị</h3>
          <ArticleLinks items={news} />
        </>
      ) : null}
    </section>
  );
}
