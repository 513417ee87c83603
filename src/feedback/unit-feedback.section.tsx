/**
 * The feedback room's part of a ward's public page (/don-vi/:id): where to send a feedback to this
 * ward, and how many of its answers it has published. Shown only for the wards and communes that
 * take feedback today.
 */
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { listPublishedAnswers } from "./feedback.repo.js";
import { currentWards } from "./feedback.service.js";

export async function UnitFeedbackSection({
  db,
  unitId,
  today,
}: {
  db: Kysely<DB>;
  unitId: number;
  today: string;
}) {
  const wards = await currentWards(db, today);
  if (!wards.some((w) => w.id === unitId)) return null;
  const answers = await listPublishedAnswers(db, { unitId, limit: 100 });
  return (
    <section aria-labelledby="phan-anh-don-vi">
      <h2 id="phan-anh-don-vi">Phản ánh, kiến nghị</h2>
      <p>
        <a href={`/phan-anh/gui?don-vi=${unitId}`}>Gửi phản ánh, kiến nghị đến đơn vị</a> ·{" "}
        <a href="/phan-anh">Hỏi đáp ({answers.length.toLocaleString("vi-VN")} trả lời đã công khai)</a>
      </p>
    </section>
  );
}
