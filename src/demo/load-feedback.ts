/**
 * Loads the present-day demo's citizens' feedback (src/feedback/feedback.demo.ts) into phường Việt
 * Hưng's queue: each feedback as it arrived, then the ward's handling through the use case as the
 * ward's demo account (audited), only what happened by `now`.
 */
import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import { loadHierarchy } from "../core/access/hierarchy.repo.js";
import type { DB } from "../core/db/schema.js";
import { vnDateString } from "../core/format/vi-date.js";
import { answerDueDate } from "../feedback/answer-deadline.rules.js";
import { DEMO_FEEDBACKS } from "../feedback/feedback.demo.js";
import { insertFeedback } from "../feedback/feedback.repo.js";
import { handleFeedback } from "../feedback/feedback-queue.service.js";
import { organisationsOfUnits } from "./present-demo.repo.js";
import { demoActor, runStoryUpTo, type StoryStep } from "./story-steps.js";

function fail(what: string): never {
  throw new Error(`present-day demo (feedback): ${what} not found`);
}

/** Returns how many feedbacks it recorded. */
export async function loadFeedbackDemo(db: Kysely<DB>, wardId: number, now: Date): Promise<number> {
  const steps: StoryStep[] = [];
  let recorded = 0;
  for (const f of DEMO_FEEDBACKS) {
    const received = new Date(f.receivedAt);
    steps.push({
      at: f.receivedAt,
      run: async () => {
        await insertFeedback(db, {
          code: f.code,
          unitId: wardId,
          topic: f.topic,
          place: f.place,
          text: f.text,
          senderName: f.senderName,
          senderContact: f.senderContact,
          wantsReply: f.wantsReply,
          answerDue: answerDueDate(vnDateString(received)),
          senderKey: createHmac("sha256", "demo").update(f.code).digest("hex").slice(0, 32),
          now: received,
        });
        recorded += 1;
      },
    });
    const handled = f.handled;
    if (!handled) continue;
    steps.push({
      at: handled.at,
      run: async () => {
        const [org] = await organisationsOfUnits(db, [wardId], [handled.organisation]);
        const instant = new Date(handled.at);
        await handleFeedback(
          db,
          f.code,
          {
            state: handled.state,
            organisationId: org?.id ?? fail(handled.organisation),
            answer: handled.answer,
            answerPublic: handled.answerPublic,
          },
          {
            actor: await demoActor(db, "viethung", fail),
            hierarchy: await loadHierarchy(db),
            today: vnDateString(instant),
            now: instant,
            ip: null,
          },
        );
      },
    });
  }
  await runStoryUpTo(steps, now);
  return recorded;
}
