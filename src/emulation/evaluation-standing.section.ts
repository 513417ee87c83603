/**
 * Emulation's part of the narrative (targets' StandingSource): the unit's place in its parent's ranking
 * ("xếp thứ 1/14 phường"), its quality level ("Đảng bộ phường được công nhận “hoàn thành xuất sắc nhiệm
 * vụ”") and the awards proposed for it, for a year or a term. Set by the composition root.
 */
import type { StandingSource } from "../targets/evaluation/standing.extension.js";
import { levelWord, unitInSentence } from "../targets/unit-wording.rules.js";
import { listUnitNames } from "../units/unit-names.repo.js";
import { awardTitleLabel } from "./awards/award-titles.model.js";
import { listAwardProposals } from "./awards/awards.repo.js";
import { listRatings } from "./awards/quality.repo.js";
import { QUALITY_LEVEL_LABELS } from "./awards/quality-level.rules.js";
import { isPeriodKey, periodEndDate } from "./emulation-period.rules.js";
import type { EvaluationSource } from "./evaluation-source.js";
import { rankChildren } from "./ranking/ranking.service.js";

/** Proposals still standing or granted; withdrawn and refused ones are not said. */
const SAID = new Set(["proposed", "approved"]);

export function emulationStanding(source: EvaluationSource): StandingSource {
  return {
    async standing(db, { unitId, periodKey, hierarchy, publicOnly }) {
      if (!isPeriodKey(periodKey)) return null;
      const parentId = hierarchy.parentAt(unitId, periodEndDate(periodKey));
      if (parentId === null) return null;
      const [ranking, names] = await Promise.all([
        rankChildren(db, hierarchy, { parentId, periodKey, publicOnly }, source),
        listUnitNames(db, [parentId, unitId]),
      ]);
      const parent = names.find((u) => u.id === parentId);
      const unit = names.find((u) => u.id === unitId);
      const row = ranking.rows.find((r) => r.unit.id === unitId);
      const rank =
        row?.rank && ranking.basis !== "none"
          ? {
              position: row.rank,
              of: ranking.total,
              tied: row.tied,
              rater: parent ? levelWord(parent) || undefined : undefined,
              peers: unit ? levelWord(unit) || undefined : undefined,
            }
          : null;
      // Quality levels and awards are decided for a year.
      if (periodKey.includes("-")) return rank ? { rank } : null;
      const [ratings, proposals] = await Promise.all([
        listRatings(db, parentId, periodKey),
        listAwardProposals(db, periodKey, [unitId]),
      ]);
      const own = ratings.filter((r) => r.unitId === unitId);
      const rating = own.find((r) => r.organisationId !== null) ?? own[0];
      const quality = rating
        ? {
            level: QUALITY_LEVEL_LABELS[rating.level],
            subject: rating.organisationName ?? (unit ? unitInSentence(unit) : undefined),
          }
        : null;
      const said = proposals.filter((p) => SAID.has(p.status));
      const awards =
        said.length > 0
          ? { titles: said.map((p) => awardTitleLabel(p.title)), proposer: said[0]?.proposingBody }
          : null;
      return rank || quality || awards ? { rank, quality, awards } : null;
    },
  };
}
