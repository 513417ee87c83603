/**
 * The demo's document library: the reference story's notice 136-TB/QU and the present story's
 * 112/TB-VP, each published from its notice the way an office does it on the notice's page (with the
 * Word file giaoban writes), and the real documents of documents.demo.ts, filed by the offices of the
 * stories. What was issued after `now` is left out. Runs inside the demo loader's transaction.
 */
import type { Kysely } from "kysely";
import { publishNoticeToLibrary } from "../conclusions/notice-library.service.js";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import { DEMO_DOCUMENTS } from "../documents/documents.demo.js";
import { createDocument } from "../documents/documents.service.js";
import { idOf } from "./demo-registry.js";
import { demoNoticeId } from "./documents-demo.repo.js";
import { demoActor } from "./story-steps.js";

const fail = (what: string): never => {
  throw new Error(`documents demo: no ${what}`);
};

/** Who publishes each notice, and when (the day after it was issued, at the office). */
const NOTICES = [
  { number: "136-TB/QU", by: "vanphong.longbien", at: "2020-01-06T09:00:00+07:00" },
  { number: "112/TB-VP", by: "ubnd.hanoi", at: "2026-03-23T09:00:00+07:00" },
];

export async function loadDocumentsDemo(
  db: Kysely<DB>,
  refs: { now: Date; dataDir: string; unitIds: Map<string, number> },
): Promise<number> {
  const hierarchy = await loadHierarchy(db);
  const as = async (username: string, iso: string) => {
    const instant = new Date(iso);
    return {
      actor: await demoActor(db, username, fail),
      hierarchy,
      today: vnDateString(instant),
      now: instant,
      ip: null,
    };
  };
  let count = 0;
  for (const n of NOTICES) {
    if (new Date(n.at).getTime() > refs.now.getTime()) continue;
    const noticeId = await demoNoticeId(db, n.number);
    if (noticeId === undefined) continue;
    await publishNoticeToLibrary(db, refs.dataDir, noticeId, await as(n.by, n.at));
    count++;
  }
  for (const d of DEMO_DOCUMENTS) {
    const filedAt = `${d.filedOn}T10:00:00+07:00`;
    if (new Date(filedAt).getTime() > refs.now.getTime() || !refs.unitIds.has(d.unitKey)) continue;
    // An account of the present story exists only once that story has begun.
    const ctx = await as(d.filedBy, filedAt).catch(() => null);
    if (!ctx) continue;
    await createDocument(
      db,
      {
        type: d.type,
        number: d.number,
        title: d.title,
        issuingBody: d.issuingBody,
        signerName: d.signerName,
        signerTitle: d.signerTitle,
        issuedOn: d.issuedOn,
        effectiveOn: d.effectiveOn,
        unitId: idOf(refs.unitIds, d.unitKey),
        issuer: null,
        isPublic: true,
      },
      ctx,
    );
    count++;
  }
  return count;
}
