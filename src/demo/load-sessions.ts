/**
 * Loads the reference working session of 02/01/2020 into a database that already holds the demo's
 * units, organisations, people and accounts (src/demo/): the session, its conclusion notice read from
 * the article by the conclusion reader, the directives with their history up to `now`, the child tasks
 * of the party congress, and two proposals with answers. It goes through the same use cases as the
 * screens (authorisation and audit included), acting as the demo accounts at the dates of the story.
 * Which parts are real and which illustrative: see sessions.demo-data.ts.
 */
import type { Kysely } from "kysely";
import { saveNotice } from "../conclusions/conclusions.service.js";
import { publishNotice } from "../conclusions/public/public-notices.service.js";
import { parseConclusionText } from "../conclusions/reader/reader.service.js";
import { ORG, type OrgKey, PLAN, SESSION, type Who } from "../conclusions/session-story.demo.js";
import type { ActorContext } from "../core/access/actor-context.js";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import type { Actor } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import type { DeadlineKind } from "../directives/deadline.js";
import { listDirectives, type PartyInput } from "../directives/directives.repo.js";
import { sqlClock } from "../directives/timeliness-sql.js";
import { REFERENCE_ARTICLE } from "../portal/articles/articles.demo.js";
import { insertProgramItem } from "../sessions/programme.repo.js";
import { createSession } from "../sessions/sessions.service.js";
import { replayHistory } from "./replay-directive-history.js";
import { demoOrganisations, demoPeople, demoSessionExists, demoUnitId } from "./sessions-demo.repo.js";
import { demoActor } from "./story-steps.js";

function fail(what: string): never {
  throw new Error(`sessions demo: ${what} not found; load the units, people and accounts demo first`);
}

async function unitId(db: Kysely<DB>, level: string, name: string): Promise<number> {
  return (await demoUnitId(db, level, name, "2020-01-02")) ?? fail(`${level} ${name}`);
}

/** The article as plain text, paragraphs separated by blank lines, list items as "- …". */
function articleText(): string {
  return REFERENCE_ARTICLE.blocks
    .map((b) => (b.kind === "p" ? b.text : b.items.map((i) => `- ${i}`).join("\n")))
    .join("\n\n");
}

/**
 * Loads the session demo; returns false (and changes nothing) when the session is already there.
 * Call it inside the demo loader's transaction, after units, people and accounts are in.
 */
export async function loadSessionsDemo(db: Kysely<DB>, now: Date): Promise<boolean> {
  const district = await unitId(db, "district", "Long Biên");
  const ward = await unitId(db, "ward", "Thượng Thanh");
  if (await demoSessionExists(db, ward, SESSION.title)) return false;

  const orgRows = await demoOrganisations(db, Object.values(ORG));
  const org = (key: OrgKey): PartyInput => {
    const row = orgRows.find((o) => o.name === ORG[key]) ?? fail(`organisation ${ORG[key]}`);
    return { unitId: row.unitId, organisationId: row.id };
  };
  const people = await demoPeople(db);
  const personId = (name: string) => people.find((p) => p.fullName === name)?.id ?? null;
  const hierarchy = await loadHierarchy(db);
  const actors: Record<Who, Actor> = {
    office: await demoActor(db, "vanphong.longbien", fail),
    ward: await demoActor(db, "thuongthanh", fail),
  };
  const at = (who: Who, iso: string): ActorContext => {
    const instant = new Date(iso);
    return { actor: actors[who], hierarchy, today: vnDateString(instant), now: instant, ip: null };
  };

  const programItemId = await insertProgramItem(db, {
    ownerUnitId: district,
    year: 2020,
    title: SESSION.program,
    plannedMonth: 1,
    hostUnitId: ward,
    now: new Date("2019-12-20T02:00:00Z"),
  });
  const btv = org("btvQuanUy");
  const sessionId = await createSession(
    db,
    {
      kind: "working_visit",
      title: SESSION.title,
      programItemId,
      hostUnitId: ward,
      visitingUnitId: btv.unitId,
      visitingOrganisationId: btv.organisationId,
      startsAt: new Date(SESSION.startsAt).toISOString(),
      endsAt: new Date(SESSION.endsAt).toISOString(),
      place: SESSION.place,
      chairPersonId: personId(SESSION.chair),
      chairName: SESSION.chair,
      chairTitle: SESSION.chairTitle,
      minutes: null,
      attendees: [
        ...SESSION.attendeesVisiting.map(([name, title]) => ({
          personId: personId(name),
          name,
          title,
          side: "visiting" as const,
        })),
        ...SESSION.attendeesHost.map(([name, title]) => ({
          personId: personId(name),
          name,
          title,
          side: "host" as const,
        })),
      ],
      agenda: SESSION.agenda.map(([title, presenter]) => ({ title, presenter })),
      documents: [
        {
          title: "Báo cáo kết quả thực hiện nhiệm vụ năm 2019 của phường Thượng Thanh",
          kind: "evaluation",
          unitId: ward,
          periodKey: "2019",
        },
      ],
      opinions: SESSION.opinions.map(([name, title, summary]) => ({
        personId: personId(name),
        speakerName: name,
        speakerTitle: title,
        summary,
      })),
    },
    at("office", "2020-01-02T18:00:00+07:00"),
  );

  const parsed = await parseConclusionText(db, articleText(), {
    date: "2020-01-02",
    contextUnitIds: [ward, district],
  });
  if (parsed.length !== 9)
    throw new Error(`sessions demo: the reader found ${parsed.length} conclusions, expected 9`);
  const lead = (key: OrgKey | "ward"): PartyInput =>
    key === "ward" ? { unitId: ward, organisationId: null } : org(key);
  const noticeId = await saveNotice(
    db,
    {
      sessionId,
      number: "136-TB/QU",
      issuedOn: "2020-01-05",
      issuingUnitId: district,
      issuingBody: "QUẬN ỦY LONG BIÊN",
      parentBody: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
      placeName: "Long Biên",
      title:
        "Kết luận của đồng chí Bí thư Quận ủy tại buổi làm việc của Ban Thường vụ Quận ủy với phường Thượng Thanh",
      preamble:
        "Chiều ngày 02/01/2020, tại Phòng họp 1 UBND phường Thượng Thanh, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh về kết quả thực hiện nhiệm vụ chính trị năm 2019, nhiệm vụ trọng tâm năm 2020, công tác chuẩn bị Đại hội nhiệm kỳ 2020 - 2025. Đồng chí Bí thư Quận ủy, Chủ tịch HĐND quận kết luận như sau:",
      signerPersonId: personId(SESSION.chair),
      signerName: SESSION.chair,
      signerTitle: "Bí thư",
      signingAuthority: "T/M Ban Thường vụ",
      recipients:
        "Thường trực Quận ủy,\nĐảng ủy, HĐND, UBND phường Thượng Thanh,\nCác phòng, ban, đơn vị liên quan,\nLưu: VT.",
      items: parsed.map((item) => ({
        number: String(item.number),
        area: item.area,
        text: item.text,
        directives: (PLAN[item.number] ?? []).map((p) => ({
          title: p.title ?? null,
          lead: lead(p.lead),
          coordinators: p.coordinators.map(org),
          deadline: p.deadline
            ? { ...p.deadline, phrase: null }
            : {
                kind: item.deadline.kind as DeadlineKind,
                date: item.deadline.date,
                phrase: item.deadline.phrase,
              },
        })),
      })),
    },
    at("office", "2020-01-05T16:00:00+07:00"),
  );

  // Directive ids by plan key, in the order the plan lists them per item.
  const { rows } = await listDirectives(db, {
    scope: "all",
    noticeId,
    clock: sqlClock(now),
    limit: 100,
    offset: 0,
  });
  const ids = new Map<string, number>();
  const planned = Object.entries(PLAN).flatMap(([, list]) => list.map((p) => p.key));
  for (const [i, d] of rows.entries()) ids.set(planned[i] as string, d.id);

  // The district office publishes the notice with its nine items: a Party notice, made public by
  // choice (illustrative), so readers of the article can follow each conclusion.
  const publishedAt = "2020-01-06T10:00:00+07:00";
  if (new Date(publishedAt).getTime() <= now.getTime())
    await publishNotice(
      db,
      noticeId,
      { itemIds: null, showReports: true, confirmParty: true },
      at("office", publishedAt),
    );
  await replayHistory(db, { sessionId, noticeId, ward, district, ids, org, lead, personId, at }, now);
  return true;
}
