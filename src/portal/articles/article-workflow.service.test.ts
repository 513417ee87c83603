import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { loadActor } from "../../accounts/auth.service.js";
import type { ActorContext } from "../../core/access/actor-context.js";
import { loadHierarchy } from "../../core/access/hierarchy.repo.js";
import type { Database } from "../../core/db/database.js";
import { vnDateString } from "../../core/format/vi-date.js";
import { JobScheduler } from "../../core/jobs/scheduler.js";
import { listReviews } from "../editorial/article-reviews.repo.js";
import { scheduledPublishingJob } from "../editorial/scheduled-publishing.job.js";
import { publishDueArticles, transitionArticle } from "./article-workflow.service.js";
import type { ArticleStore } from "./article-write.service.js";
import { findArticleById } from "./articles.repo.js";
import { type ArticleInput, createArticle, updateArticle } from "./articles.service.js";
import { getPublishedArticle, listLatestArticles } from "./reader-visibility.rules.js";

// 02/01/2020 21:00 in Hà Nội.
const NOW = new Date("2020-01-02T14:00:00.000Z");

describe.each(ENGINES)("editorial workflow on %s", (engine) => {
  let database: Database;
  let store: ArticleStore;
  let wardA: number;
  let users: Record<"editor" | "writer" | "writer2", number>;

  const db = () => database.db;

  async function as(user: keyof typeof users, now = NOW): Promise<ActorContext> {
    const actor = await loadActor(db(), users[user]);
    if (!actor) throw new Error("no actor");
    return { actor, today: vnDateString(now), now, hierarchy: await loadHierarchy(db()), ip: "203.0.113.9" };
  }

  function input(overrides: Partial<ArticleInput> = {}): ArticleInput {
    return {
      title: "Phường Thượng Thanh ra quân",
      slug: null,
      lead: null,
      bodyHtml: "<p>Đoạn một.</p>",
      categoryId: null,
      unitId: wardA,
      publishedAt: null,
      tags: [],
      sessionIds: [],
      linkedUnitIds: [],
      intent: "save",
      ...overrides,
    };
  }

  async function auditOf(id: number) {
    const rows = await db()
      .selectFrom("audit_events")
      .select(["action", "actor_user_id", "before_json", "after_json"])
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      action: r.action,
      actor: r.actor_user_id,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
    }));
  }

  const status = async (id: number) => (await findArticleById(db(), id))?.status;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = {
      db: database.db,
      mediaDir: path.join(mkdtempSync(path.join(tmpdir(), "giaoban-wf-")), "media"),
    };
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    users = {
      editor: await createUser(db(), { username: "bientap", grants: [{ role: "editor", unitId: district }] }),
      writer: await createUser(db(), { username: "phuonga", grants: [{ role: "writer", unitId: wardA }] }),
      writer2: await createUser(db(), { username: "phuonga2", grants: [{ role: "writer", unitId: wardA }] }),
    };
  });
  afterAll(() => database.close());

  it("draft → submitted → returned with a comment → resubmitted → published, every step audited", async () => {
    const writer = await as("writer");
    const editor = await as("editor");
    const id = await createArticle(store, writer, input({ title: "Tin ra quân" }));
    expect(await status(id)).toBe("draft");

    expect(await transitionArticle(store, writer, id, "submit")).toBe("submitted");
    // Submitted: the writer waits for the editor and may no longer change it.
    await expect(updateArticle(store, writer, id, { title: "Sửa lén" })).rejects.toMatchObject({
      status: 403,
    });
    await expect(transitionArticle(store, writer, id, "submit")).rejects.toMatchObject({
      status: 409,
      message: "Bài đã được gửi duyệt, đang chờ biên tập viên xem xét.",
    });
    await expect(transitionArticle(store, writer, id, "publish")).rejects.toMatchObject({ status: 403 });
    await expect(transitionArticle(store, writer, id, "return", { comment: "x" })).rejects.toMatchObject({
      status: 403,
    });

    await expect(transitionArticle(store, editor, id, "return", { comment: "   " })).rejects.toMatchObject({
      status: 422,
      fields: { comment: "Vui lòng ghi rõ nội dung cần sửa để người viết biết." },
    });
    expect(
      await transitionArticle(store, editor, id, "return", { comment: "Bổ sung số liệu thu ngân sách." }),
    ).toBe("draft");
    const [returned] = await listReviews(db(), id);
    expect(returned).toMatchObject({
      action: "return",
      comment: "Bổ sung số liệu thu ngân sách.",
      actorUserId: users.editor,
    });

    await updateArticle(store, writer, id, {
      bodyHtml: "<p>Thu ngân sách đạt 111% dự toán.</p>",
      intent: "submit",
    });
    expect(await status(id)).toBe("submitted");
    expect(await transitionArticle(store, editor, id, "publish")).toBe("published");
    const article = await findArticleById(db(), id);
    expect(article?.publishedAt).toBe(NOW.toISOString());
    expect((await getPublishedArticle(db(), article?.slug ?? "", NOW)).title).toBe("Tin ra quân");
    await expect(transitionArticle(store, editor, id, "publish")).rejects.toMatchObject({
      status: 409,
      message: "Bài đã được đăng.",
    });

    expect((await listReviews(db(), id)).map((r) => r.action).reverse()).toEqual([
      "submit",
      "return",
      "submit",
      "publish",
    ]);
    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["create", users.writer],
      ["submit", users.writer],
      ["return", users.editor],
      ["submit", users.writer],
      ["publish", users.editor],
    ]);
    expect(audit[2]?.before).toEqual({ status: "submitted", publishedAt: null });
    expect(audit[2]?.after).toEqual({
      status: "draft",
      publishedAt: null,
      comment: "Bổ sung số liệu thu ngân sách.",
    });
    expect(audit[3]?.before.bodyHtml).toBe("<p>Đoạn một.</p>");
    expect(audit[3]?.after).toMatchObject({
      status: "submitted",
      bodyHtml: "<p>Thu ngân sách đạt 111% dự toán.</p>",
    });
    expect(audit[4]?.after).toEqual({ status: "published", publishedAt: NOW.toISOString() });
  });

  it("refuses steps the status does not allow, with the reason (409), and other writers' drafts (403)", async () => {
    const writer = await as("writer");
    const editor = await as("editor");
    const id = await createArticle(store, writer, input({ title: "Nháp chưa gửi" }));
    await expect(transitionArticle(store, editor, id, "return", { comment: "Sửa" })).rejects.toMatchObject({
      status: 409,
      message: "Chỉ trả lại được bài đang chờ duyệt.",
    });
    await expect(transitionArticle(store, editor, id, "unpublish")).rejects.toMatchObject({
      status: 409,
      message: "Bài chưa được đăng nên không thể gỡ.",
    });
    await expect(transitionArticle(store, await as("writer2"), id, "submit")).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      createArticle(store, writer, input({ title: "Tự đăng", intent: "publish" })),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(transitionArticle(store, editor, 999_999, "submit")).rejects.toMatchObject({ status: 404 });
  });

  it("unpublishes and publishes again under the original date", async () => {
    const editor = await as("editor");
    const at = new Date("2020-01-02T14:49:00+07:00");
    const id = await createArticle(
      store,
      editor,
      input({ title: "Tin gỡ", intent: "publish", publishedAt: at }),
    );
    expect(await status(id)).toBe("published");
    expect(await transitionArticle(store, editor, id, "unpublish")).toBe("unpublished");
    await expect(getPublishedArticle(db(), "tin-go", NOW)).rejects.toMatchObject({ status: 404 });
    expect(await transitionArticle(store, editor, id, "publish")).toBe("published");
    expect((await findArticleById(db(), id))?.publishedAt).toBe("2020-01-02T07:49:00.000Z");
  });

  it("schedules for 08:00 on 03/01/2020 in Hà Nội: hidden before, shown from 01:00 UTC even before the job runs, then published by the job once", async () => {
    const editor = await as("editor");
    const eight = new Date("2020-01-03T08:00:00+07:00");
    const id = await createArticle(store, editor, input({ title: "Thông báo lịch tiếp dân" }));
    expect(await transitionArticle(store, editor, id, "publish", { publishAt: eight })).toBe("scheduled");
    expect((await findArticleById(db(), id))?.publishedAt).toBe("2020-01-03T01:00:00.000Z");

    const justBefore = new Date("2020-01-03T00:59:59.999Z");
    const atMoment = new Date("2020-01-03T01:00:00.000Z");
    const titles = async (now: Date) =>
      (await listLatestArticles(db(), now, 1, 50)).items.map((i) => i.title);
    expect(await titles(justBefore)).not.toContain("Thông báo lịch tiếp dân");
    await expect(getPublishedArticle(db(), "thong-bao-lich-tiep-dan", justBefore)).rejects.toMatchObject({
      status: 404,
    });
    expect(await publishDueArticles(db(), justBefore)).toEqual([]);
    expect(await status(id)).toBe("scheduled");

    // The moment has come; the job has not run yet: readers see it already.
    expect(await titles(atMoment)).toContain("Thông báo lịch tiếp dân");
    expect((await getPublishedArticle(db(), "thong-bao-lich-tiep-dan", atMoment)).id).toBe(id);

    // Several processes tick at once: the job runs in exactly one of them.
    const schedulers = ["a", "b", "c"].map(
      () => new JobScheduler(db(), [scheduledPublishingJob], pino({ level: "silent" }), () => atMoment),
    );
    const ran = await Promise.all(schedulers.map((s) => s.tick()));
    expect(ran.flat()).toEqual(["portal.scheduled-publishing"]);
    expect(await status(id)).toBe("published");
    const audit = await auditOf(id);
    expect(audit.slice(-2).map((a) => [a.action, a.actor])).toEqual([
      ["schedule", users.editor],
      ["publish", null],
    ]);
    expect(audit.at(-1)?.after).toEqual({ status: "published", publishedAt: "2020-01-03T01:00:00.000Z" });
    expect((await listReviews(db(), id))[0]?.action).toBe("auto_publish");
    expect(await publishDueArticles(db(), atMoment)).toEqual([]);
  });

  it("an editor unpublishing a scheduled article before its moment keeps it off the portal", async () => {
    const editor = await as("editor");
    const id = await createArticle(
      store,
      editor,
      input({
        title: "Hẹn giờ rồi gỡ",
        intent: "publish",
        publishedAt: new Date("2020-01-10T08:00:00+07:00"),
      }),
    );
    expect(await status(id)).toBe("scheduled");
    await transitionArticle(store, editor, id, "unpublish");
    expect(await publishDueArticles(db(), new Date("2020-02-01T00:00:00Z"))).not.toContain(id);
    expect(await status(id)).toBe("unpublished");
  });
});
