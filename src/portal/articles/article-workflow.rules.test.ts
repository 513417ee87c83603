import { describe, expect, it } from "vitest";
import {
  type ArticleStatus,
  applyTransition,
  auditActionOf,
  isDue,
  isVisibleToReaders,
  statusAfterSave,
  TRANSITION_REFUSALS,
  type Transition,
} from "./article-workflow.rules.js";

// 02/01/2020 21:00 in Vietnam.
const NOW = new Date("2020-01-02T14:00:00.000Z");
const PAST = new Date("2020-01-02T13:59:00.000Z");
const FUTURE = new Date("2020-01-03T01:00:00.000Z");

describe("applyTransition", () => {
  it.each<[ArticleStatus, Transition, Date | null, ArticleStatus | string]>([
    ["draft", "submit", null, "submitted"],
    ["submitted", "submit", null, TRANSITION_REFUSALS.alreadySubmitted],
    ["published", "submit", null, TRANSITION_REFUSALS.submitNotDraft],
    ["unpublished", "submit", null, TRANSITION_REFUSALS.submitNotDraft],
    ["submitted", "publish", null, "published"],
    ["submitted", "publish", PAST, "published"],
    ["submitted", "publish", NOW, "published"],
    ["submitted", "publish", FUTURE, "scheduled"],
    ["draft", "publish", null, "published"],
    ["unpublished", "publish", null, "published"],
    ["scheduled", "publish", null, "published"],
    ["scheduled", "publish", FUTURE, "scheduled"],
    ["published", "publish", null, TRANSITION_REFUSALS.alreadyPublished],
    ["published", "publish", FUTURE, "scheduled"],
    ["submitted", "return", null, "draft"],
    ["draft", "return", null, TRANSITION_REFUSALS.returnNotSubmitted],
    ["published", "return", null, TRANSITION_REFUSALS.returnNotSubmitted],
    ["published", "unpublish", null, "unpublished"],
    ["scheduled", "unpublish", null, "unpublished"],
    ["draft", "unpublish", null, TRANSITION_REFUSALS.unpublishNotPublished],
    ["unpublished", "unpublish", null, TRANSITION_REFUSALS.unpublishNotPublished],
  ])("%s --%s(%s)--> %s", (from, transition, publishAt, expected) => {
    const result = applyTransition(from, transition, { publishAt, now: NOW });
    if (result.ok) expect(result.status).toBe(expected);
    else expect(result.message).toBe(expected);
  });
});

describe("isVisibleToReaders", () => {
  it.each([
    ["published", "2020-01-02T13:00:00.000Z", true],
    ["published", "2020-01-02T14:00:00.000Z", true],
    ["published", "2020-01-02T14:00:00.001Z", false],
    // The job may not have run yet: the moment decides, not the job.
    ["scheduled", "2020-01-02T13:59:59.999Z", true],
    ["scheduled", "2020-01-03T01:00:00.000Z", false],
    ["draft", "2020-01-01T00:00:00.000Z", false],
    ["submitted", "2020-01-01T00:00:00.000Z", false],
    ["unpublished", "2020-01-01T00:00:00.000Z", false],
    ["published", null, false],
  ])("%s at %s → %s", (status, publishedAt, expected) => {
    expect(isVisibleToReaders({ status, publishedAt }, NOW)).toBe(expected);
  });
});

describe("scheduling in Vietnam time", () => {
  it("a moment chosen as 08:00 on 03/01/2020 in Hà Nội is due at 01:00 UTC, not before", () => {
    const at = new Date("2020-01-03T08:00:00+07:00").toISOString();
    expect(at).toBe("2020-01-03T01:00:00.000Z");
    const article = { status: "scheduled", publishedAt: at };
    expect(isDue(article, new Date("2020-01-03T00:59:59.999Z"))).toBe(false);
    expect(isDue(article, new Date("2020-01-03T01:00:00.000Z"))).toBe(true);
    expect(isDue({ status: "published", publishedAt: at }, FUTURE)).toBe(false);
  });

  it("saving a published article with a future time schedules it; a past time publishes a scheduled one", () => {
    expect(statusAfterSave("published", FUTURE.toISOString(), NOW)).toBe("scheduled");
    expect(statusAfterSave("scheduled", PAST.toISOString(), NOW)).toBe("published");
    expect(statusAfterSave("draft", FUTURE.toISOString(), NOW)).toBe("draft");
    expect(statusAfterSave("submitted", PAST.toISOString(), NOW)).toBe("submitted");
  });

  it("names the audit action by the outcome", () => {
    expect(auditActionOf("publish", "scheduled")).toBe("schedule");
    expect(auditActionOf("publish", "published")).toBe("publish");
    expect(auditActionOf("return", "draft")).toBe("return");
  });
});
