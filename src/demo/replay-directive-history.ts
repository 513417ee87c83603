/**
 * The history of the reference session's directives, replayed in time order up to the demo date:
 * child tasks, progress reports, submissions and confirmations, and the two proposals with their
 * answers. Each step goes through the use cases as the demo account who would have done it.
 */
import type { Kysely } from "kysely";
import { CHILDREN, EVENTS, type OrgKey, PROPOSALS, type Who } from "../conclusions/session-story.demo.js";
import type { ActorContext } from "../core/access/actor-context.js";
import type { DB } from "../core/db/schema.js";
import type { PartyInput } from "../directives/directives.repo.js";
import { actOnDirective } from "../directives/directives.service.js";
import {
  answerProposal,
  makeDirectiveFromProposal,
  raiseProposal,
} from "../directives/proposals/proposals.service.js";
import { childTaskSteps, directiveEventSteps, runStoryUpTo, type StoryStep } from "./story-steps.js";

export interface DemoRefs {
  sessionId: number;
  noticeId: number;
  ward: number;
  district: number;
  /** Directive ids by plan key ("d1a"…); child tasks are added as they are made. */
  ids: Map<string, number>;
  org: (key: OrgKey) => PartyInput;
  lead: (key: OrgKey | "ward") => PartyInput;
  personId: (name: string) => number | null;
  at: (who: Who, iso: string) => ActorContext;
}

function fail(what: string): never {
  throw new Error(`sessions demo: ${what} not found`);
}

/** Runs every step of the story dated at or before `now`, in time order. */
export async function replayHistory(db: Kysely<DB>, refs: DemoRefs, now: Date): Promise<void> {
  const { sessionId, noticeId, ward, district, ids, org, lead, personId, at } = refs;
  const steps: StoryStep[] = [];
  steps.push(
    ...childTaskSteps(
      db,
      CHILDREN.map((child) => ({ ...child, lead: lead("dangUyPhuong") })),
      {
        assigningUnitId: ward,
        noticeId: () => noticeId,
        assigner: { personId: personId("Phạm Thị Minh Hồng"), name: "Phạm Thị Minh Hồng" },
        ids,
        at: (iso) => at("ward", iso),
      },
    ),
  );
  steps.push(...directiveEventSteps(db, EVENTS, ids, at));
  for (const p of PROPOSALS) {
    let proposalId = 0;
    steps.push({
      at: "2020-01-02T17:30:00+07:00",
      run: async () => {
        proposalId = await raiseProposal(
          db,
          {
            sessionId,
            from: lead("ubndPhuong"),
            topic: p.topic,
            text: null,
            answerDue: p.answerDue,
            addressees: p.addressees.map(org),
          },
          at("office", "2020-01-02T17:30:00+07:00"),
        );
      },
    });
    steps.push({
      at: p.answer.at,
      run: () =>
        answerProposal(
          db,
          proposalId,
          { answer: p.answer.text, status: p.answer.status },
          at("office", p.answer.at),
        ),
    });
    if (p.key === "p2") {
      steps.push({
        at: "2020-03-10T10:30:00+07:00",
        run: async () => {
          const id = await makeDirectiveFromProposal(
            db,
            proposalId,
            {
              title:
                "Rà soát, giải quyết dứt điểm hồ sơ cấp giấy chứng nhận quyền sử dụng đất vướng mắc của các hộ dân tổ 29, tổ 30",
              lead: org("tnmt"),
              coordinators: [lead("ubndPhuong")],
              deadline: { kind: "quarter", date: "2020-06-30", phrase: "trong quý II/2020" },
              assigningUnitId: district,
              assignerPersonId: personId("Nguyễn Mạnh Hà"),
              assignerName: "Nguyễn Mạnh Hà",
            },
            at("office", "2020-03-10T10:30:00+07:00"),
          );
          ids.set("p2d", id);
        },
      });
      steps.push({
        at: "2020-06-25T16:00:00+07:00",
        run: () =>
          actOnDirective(
            db,
            ids.get("p2d") as number,
            { action: "submit", text: "Đã cấp giấy chứng nhận cho 17/19 hộ; 2 hộ đang bổ sung hồ sơ." },
            at("office", "2020-06-25T16:00:00+07:00"),
          ),
      });
      steps.push({
        at: "2020-06-29T09:00:00+07:00",
        run: () =>
          actOnDirective(
            db,
            ids.get("p2d") as number,
            { action: "confirm" },
            at("office", "2020-06-29T09:00:00+07:00"),
          ),
      });
      steps.push({
        at: "2020-06-29T09:30:00+07:00",
        run: () =>
          answerProposal(
            db,
            proposalId,
            { answer: `${p.answer.text} Đến 29/6/2020 đã giải quyết xong.`, status: "resolved" },
            at("office", "2020-06-29T09:30:00+07:00"),
          ),
      });
    }
  }
  await runStoryUpTo(steps, now);
}
