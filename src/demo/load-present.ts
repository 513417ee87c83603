/**
 * The present-day story of the demo (December 2026, two-level local government since 01/07/2025):
 * Hà Nội's departments and the new wards' bodies, phường Việt Hưng's residential groups, the invented
 * leaders, the accounts `viethung`, `lanhdao.viethung` and `ubnd.hanoi`, the 2025–2026 targets and
 * results (load-targets-2026.ts), the ward's emulation scheme for its residential groups
 * (load-emulation-2026.ts), a draft article of the ward, and the city's 2026 working session with
 * phường Việt Hưng (load-session-2026.ts). Runs inside the demo loader's transaction after the
 * reference story, whose units it builds on.
 *
 * A demo loaded "before" the present (tests of the 2019–2020 story set the clock then) gets none of
 * it: nothing of today's wards had happened. Within the story, what lies after `now` is left out.
 */
import type { Kysely } from "kysely";
import { PRESENT_DEMO_ACCOUNTS, PRESENT_GRANTS_FROM } from "../accounts/accounts.demo.js";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import { blocksToHtml } from "../portal/articles/articles.demo.js";
import { DEMO_DRAFTS_2026 } from "../portal/articles/articles-2026.demo.js";
import { PRESENT_PEOPLE } from "../units/people-2026.demo.js";
import { NEW_WARDS_FROM } from "../units/units.demo.js";
import {
  CITY_ORGANISATIONS,
  PRESENT_WARD_ORGANISATIONS,
  PRESENT_WARDS,
  VIET_HUNG_GROUPS,
} from "../units/units-2026.demo.js";
import { insertArticle } from "./demo.repo.js";
import { idOf, insertAccounts, insertOrganisations, insertPeople, insertUnits } from "./demo-registry.js";
import { loadPresentEmulation } from "./load-emulation-2026.js";
import { loadFeedbackDemo } from "./load-feedback.js";
import { loadSession2026 } from "./load-session-2026.js";
import { loadPresentTargets } from "./load-targets-2026.js";
import { categoryIdsBySlug } from "./present-demo.repo.js";

export interface PresentDemoRefs {
  now: Date;
  /** Ids by demo key of what the reference story loaded; the present story adds its own. */
  unitIds: Map<string, number>;
  organisationIds: Map<string, number>;
  userIds: Map<string, number>;
  passwordHashes: Map<string, string>;
}

/** Has the present story begun by `now`? It starts with the new wards on 01/07/2025. */
export function presentStoryBegun(now: Date): boolean {
  return vnDateString(now) >= NEW_WARDS_FROM;
}

/** The drafts of today's writers (not published: the portal still opens on the reference article). */
async function insertDrafts(
  db: Kysely<DB>,
  ids: { unitIds: Map<string, number>; userIds: Map<string, number>; now: Date },
): Promise<number> {
  const categories = await categoryIdsBySlug(db);
  const saved = DEMO_DRAFTS_2026.filter((d) => new Date(d.savedAt).getTime() <= ids.now.getTime());
  for (const draft of saved) {
    await insertArticle(db, {
      slug: draft.slug,
      title: draft.title,
      lead: draft.lead,
      bodyHtml: blocksToHtml(draft.blocks),
      publishedAt: draft.savedAt,
      authorId: idOf(ids.userIds, draft.authorUsername),
      unitId: idOf(ids.unitIds, draft.unitKey),
      categoryId: categories.get(draft.categorySlug) ?? null,
      views: 0,
      status: "draft",
    });
  }
  return saved.length;
}

/** Loads the present-day story; returns what it wrote (nothing before 01/07/2025). */
export async function loadPresentDemo(
  db: Kysely<DB>,
  refs: PresentDemoRefs,
): Promise<Record<string, number>> {
  const { now, unitIds, organisationIds, userIds, passwordHashes } = refs;
  if (!presentStoryBegun(now)) return {};
  await insertUnits(db, VIET_HUNG_GROUPS, unitIds, now);
  await insertOrganisations(
    db,
    [...CITY_ORGANISATIONS, ...PRESENT_WARD_ORGANISATIONS],
    unitIds,
    organisationIds,
  );
  const positions = await insertPeople(db, PRESENT_PEOPLE, organisationIds);
  await insertAccounts(
    db,
    PRESENT_DEMO_ACCOUNTS,
    { passwordHashes, unitIds, grantsFrom: PRESENT_GRANTS_FROM, now },
    userIds,
  );

  const drafts = await insertDrafts(db, { unitIds, userIds, now });
  const groupIds = new Map(VIET_HUNG_GROUPS.map((g) => [g.name, idOf(unitIds, g.key)]));
  const wardIds = new Map(PRESENT_WARDS.map((w) => [w.name, idOf(unitIds, w.key)] as const));
  const targets = await loadPresentTargets(db, {
    now,
    wardIds,
    groupIds,
    wardUserId: userIds.get("viethung") ?? null,
    cityUserId: userIds.get("ubnd.hanoi") ?? null,
  });
  const emulation = await loadPresentEmulation(db, {
    now,
    wardId: idOf(unitIds, "new-ward:viet-hung"),
    groupIds,
    wardUserId: userIds.get("viethung") ?? null,
  });
  const session = await loadSession2026(db, { cityId: idOf(unitIds, "city:ha-noi"), wardIds }, now);
  const feedback = await loadFeedbackDemo(db, idOf(unitIds, "new-ward:viet-hung"), now);
  return {
    presentUnits: VIET_HUNG_GROUPS.length,
    presentOrganisations: CITY_ORGANISATIONS.length + PRESENT_WARD_ORGANISATIONS.length,
    presentPeople: PRESENT_PEOPLE.length,
    presentPositions: positions,
    presentUsers: PRESENT_DEMO_ACCOUNTS.length,
    presentTargets: targets ? 1 : 0,
    presentSession: session ? 1 : 0,
    presentEmulation: emulation ? 1 : 0,
    presentDrafts: drafts,
    presentFeedback: feedback,
  };
}
