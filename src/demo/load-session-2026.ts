/**
 * Loads the present-day working session (src/conclusions/session-2026.demo.ts) into a database holding
 * the present-day units, bodies, people and accounts: the programme entries of the city and of phường
 * Việt Hưng, the session of 18/3/2026, the city office's conclusion notice with its eight items and
 * directives, the ward's own tasks under them, their follow-up, and the ward's proposals. Like
 * load-sessions.ts it goes through the use cases as the demo accounts at the dates of the story
 * (authorisation, audit and notifications included), and replays only what happened by `now`.
 */
import type { Kysely } from "kysely";
import { saveNotice } from "../conclusions/conclusions.service.js";
import { CHILDREN_2026, EVENTS_2026, PROPOSALS_2026 } from "../conclusions/follow-up-2026.demo.js";
import {
  COUNCIL_SITTING_2026,
  ITEMS_2026,
  NOTICE_2026,
  ORG_2026,
  type OrgKey2026,
  PROGRAMME_2026,
  type PresentWard,
  SESSION_2026,
  VISIT_PROGRAMME_TITLE,
  type Who2026,
} from "../conclusions/session-2026.demo.js";
import type { ActorContext } from "../core/access/actor-context.js";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import type { Actor } from "../core/access/policy.js";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import type { PartyInput } from "../directives/directives.repo.js";
import { answerProposal, raiseProposal } from "../directives/proposals/proposals.service.js";
import { createProgramItem } from "../sessions/programme.service.js";
import { createSession } from "../sessions/sessions.service.js";
import { directiveIdsOfNotice, organisationsOfUnits } from "./present-demo.repo.js";
import { demoPeople, demoSessionExists } from "./sessions-demo.repo.js";
import {
  childTaskSteps,
  demoActor,
  directiveEventSteps,
  runStoryUpTo,
  type StoryStep,
} from "./story-steps.js";

export const PRESENT_ACTORS: Record<Who2026, string> = {
  ward: "viethung",
  leader: "lanhdao.viethung",
  city: "ubnd.hanoi",
};

function fail(what: string): never {
  throw new Error(`present-day demo: ${what} not found`);
}

export interface Session2026Refs {
  cityId: number;
  /** The present wards by name. */
  wardIds: Map<PresentWard, number>;
}

/**
 * Loads the story; returns false (and changes nothing) when the session is already there. Call it
 * inside the demo loader's transaction, after the present-day units, people and accounts.
 */
export async function loadSession2026(db: Kysely<DB>, refs: Session2026Refs, now: Date): Promise<boolean> {
  const city = refs.cityId;
  const ward = refs.wardIds.get("Việt Hưng") ?? fail("phường Việt Hưng");
  if (await demoSessionExists(db, ward, SESSION_2026.title)) return false;

  const orgRows = await organisationsOfUnits(db, [city, ward], Object.values(ORG_2026));
  const org = (key: OrgKey2026): PartyInput => {
    const row = orgRows.find((o) => o.name === ORG_2026[key]) ?? fail(`organisation ${ORG_2026[key]}`);
    return { unitId: row.unitId, organisationId: row.id };
  };
  const people = await demoPeople(db);
  const personId = (name: string) => people.find((p) => p.fullName === name)?.id ?? null;
  const hierarchy = await loadHierarchy(db);
  const actors = {} as Record<Who2026, Actor>;
  for (const [who, username] of Object.entries(PRESENT_ACTORS))
    actors[who as Who2026] = await demoActor(db, username, fail);
  const at = (who: Who2026, iso: string): ActorContext => {
    const instant = new Date(iso);
    return { actor: actors[who], hierarchy, today: vnDateString(instant), now: instant, ip: null };
  };

  const steps: StoryStep[] = [];
  const ids = new Map<string, number>();
  const programmeIds = new Map<string, number>();
  for (const entry of PROGRAMME_2026) {
    steps.push({
      at: entry.at,
      run: async () => {
        const id = await createProgramItem(
          db,
          {
            ownerUnitId: entry.owner === "city" ? city : ward,
            year: 2026,
            title: entry.title,
            plannedMonth: entry.month,
            hostUnitId: entry.host === null ? null : (refs.wardIds.get(entry.host) ?? null),
          },
          at(entry.owner === "city" ? "city" : "ward", entry.at),
        );
        programmeIds.set(entry.title, id);
      },
    });
  }

  let sessionId = 0;
  let noticeId = 0;
  const recordedAt = "2026-03-18T18:00:00+07:00";
  steps.push({
    at: recordedAt,
    run: async () => {
      const visiting = org("ubndTp");
      sessionId = await createSession(
        db,
        {
          kind: "working_visit",
          title: SESSION_2026.title,
          programItemId: programmeIds.get(VISIT_PROGRAMME_TITLE) ?? null,
          hostUnitId: ward,
          hostOrganisationId: org("ubndPhuong").organisationId,
          visitingUnitId: visiting.unitId,
          visitingOrganisationId: visiting.organisationId,
          startsAt: new Date(SESSION_2026.startsAt).toISOString(),
          endsAt: new Date(SESSION_2026.endsAt).toISOString(),
          place: SESSION_2026.place,
          chairPersonId: personId(SESSION_2026.chair),
          chairName: SESSION_2026.chair,
          chairTitle: SESSION_2026.chairTitle,
          minutes: null,
          attendees: [
            ...SESSION_2026.attendeesVisiting.map(([name, title, body]) => ({
              personId: personId(name),
              name,
              title,
              unitId: body ? city : null,
              organisationId: body ? org(body).organisationId : null,
              side: "visiting" as const,
            })),
            ...SESSION_2026.attendeesHost.map(([name, title]) => ({
              personId: personId(name),
              name,
              title,
              side: "host" as const,
            })),
          ],
          agenda: SESSION_2026.agenda.map(([title, presenter]) => ({ title, presenter })),
          documents: [
            {
              title: "Báo cáo kết quả thực hiện nhiệm vụ năm 2025 của phường Việt Hưng",
              kind: "evaluation",
              unitId: ward,
              periodKey: "2025",
            },
          ],
          opinions: SESSION_2026.opinions.map(([name, title, body, summary]) => ({
            personId: personId(name),
            speakerName: name,
            speakerTitle: title,
            organisationId: body ? org(body).organisationId : null,
            summary,
          })),
        },
        at("city", recordedAt),
      );
    },
  });

  const sitting = COUNCIL_SITTING_2026;
  steps.push({
    at: sitting.recordedAt,
    run: () =>
      createSession(
        db,
        {
          kind: "council_meeting",
          title: sitting.title,
          // Not linked to the programme's entry yet: linking records the entry as held.
          programItemId: null,
          hostUnitId: ward,
          hostOrganisationId: org("hdndPhuong").organisationId,
          startsAt: new Date(sitting.startsAt).toISOString(),
          endsAt: new Date(sitting.endsAt).toISOString(),
          place: sitting.place,
          chairPersonId: personId(sitting.chair),
          chairName: sitting.chair,
          chairTitle: sitting.chairTitle,
          attendees: [],
          agenda: sitting.agenda.map(([title, presenter]) => ({ title, presenter })),
          documents: [],
          opinions: [],
        },
        at("ward", sitting.recordedAt),
      ),
  });

  const issuedAt = `${NOTICE_2026.issuedOn}T16:00:00+07:00`;
  steps.push({
    at: issuedAt,
    run: async () => {
      noticeId = await saveNotice(
        db,
        {
          sessionId,
          number: NOTICE_2026.number,
          issuedOn: NOTICE_2026.issuedOn,
          issuingUnitId: city,
          issuingBody: NOTICE_2026.issuingBody,
          parentBody: NOTICE_2026.parentBody,
          placeName: NOTICE_2026.placeName,
          title: NOTICE_2026.title,
          preamble: NOTICE_2026.preamble,
          signerPersonId: personId(NOTICE_2026.signer),
          signerName: NOTICE_2026.signer,
          signerTitle: NOTICE_2026.signerTitle,
          signingAuthority: NOTICE_2026.signingAuthority,
          recipients: NOTICE_2026.recipients,
          assignerPersonId: personId(SESSION_2026.chair),
          assignerName: SESSION_2026.chair,
          items: ITEMS_2026.map((item) => ({
            number: item.number,
            area: item.area,
            text: item.text,
            directives: [
              {
                title: item.directive.title,
                lead: org(item.directive.lead),
                coordinators: item.directive.coordinators.map(org),
                deadline: item.directive.deadline,
              },
            ],
          })),
        },
        at("city", issuedAt),
      );
      // One directive per item, made in item order.
      const made = await directiveIdsOfNotice(db, noticeId);
      ITEMS_2026.forEach((item, i) => ids.set(item.directive.key, made[i] ?? fail(`directive ${i + 1}`)));
    },
  });

  steps.push(
    ...childTaskSteps(
      db,
      CHILDREN_2026.map((child) => ({ ...child, lead: org(child.lead) })),
      {
        assigningUnitId: ward,
        noticeId: () => noticeId,
        assigner: { personId: personId("Trần Đức Thắng"), name: "Trần Đức Thắng" },
        ids,
        at: (iso) => at("ward", iso),
      },
    ),
  );
  steps.push(...directiveEventSteps(db, EVENTS_2026, ids, at));
  for (const p of PROPOSALS_2026) {
    let proposalId = 0;
    steps.push({
      at: p.raisedAt,
      run: async () => {
        proposalId = await raiseProposal(
          db,
          {
            sessionId: p.atSession ? sessionId : null,
            from: org("ubndPhuong"),
            topic: p.topic,
            text: null,
            answerDue: p.answerDue,
            addressees: p.addressees.map(org),
          },
          at("ward", p.raisedAt),
        );
      },
    });
    const answer = p.answer;
    if (answer)
      steps.push({
        at: answer.at,
        run: () =>
          answerProposal(
            db,
            proposalId,
            { answer: answer.text, status: answer.status },
            at("city", answer.at),
          ),
      });
  }

  await runStoryUpTo(steps, now);
  return true;
}
