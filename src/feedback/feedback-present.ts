/** What leaves the server about a feedback, for the ward's officers (JSON); the public view is presentPublic. */
import { CLOSED_STATES } from "./feedback.model.js";
import type { FeedbackRecord } from "./feedback.repo.js";

export function isOverdue(f: Pick<FeedbackRecord, "state" | "answerDue">, today: string): boolean {
  return !CLOSED_STATES.includes(f.state) && f.answerDue < today;
}

export function presentRecord(f: FeedbackRecord, today: string) {
  return {
    code: f.code,
    unitId: f.unitId,
    unitName: f.unitName,
    topic: f.topic,
    place: f.place,
    text: f.text,
    senderName: f.senderName,
    senderContact: f.senderContact,
    wantsReply: f.wantsReply,
    state: f.state,
    visibility: f.visibility,
    organisationId: f.organisationId,
    organisationName: f.organisationName,
    answer: f.answer,
    answerPublic: f.answerPublic,
    answeredAt: f.answeredAt,
    answerDue: f.answerDue,
    overdue: isOverdue(f, today),
    receivedAt: f.createdAt,
    photoCount: f.photoFileIds.length,
  };
}
