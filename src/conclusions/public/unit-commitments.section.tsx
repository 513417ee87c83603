import type { Kysely } from "kysely";
import type { DB } from "../../core/db/schema.js";
import { CommitmentLink } from "./public-notice.views.js";
import { listUnitCommitments } from "./public-notices.service.js";

/**
 * The conclusions' part of a unit's public pages (the portal's introduction page and the unit page):
 * the published notices about the unit, each with how many of its items are done, on time or late,
 * counted as the work stands now. Nothing when the unit has no published notice.
 */
export async function UnitCommitmentsSection({
  db,
  unitId,
  now,
}: {
  db: Kysely<DB>;
  unitId: number;
  now: Date;
}) {
  const commitments = await listUnitCommitments(db, unitId, now);
  if (commitments.length === 0) return null;
  return (
    <section aria-labelledby={`ket-luan-cong-khai-${unitId}`} class="unit-commitments">
      <h2 id={`ket-luan-cong-khai-${unitId}`}>Kết luận công khai và tình hình thực hiện</h2>
      <ul>
        {commitments.map((c) => (
          <CommitmentLink notice={c.notice} summary={c.summary} />
        ))}
      </ul>
    </section>
  );
}
