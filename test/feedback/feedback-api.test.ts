import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { clientAt, createFeedbackWorld, type FeedbackWorld, photoWithExif, solvedPow } from "./world.js";

type Json = Record<string, unknown> & {
  data?: Record<string, unknown>;
  error?: { code: string; fields?: Record<string, string> };
};

describe.each(ENGINES)("citizens' feedback API on %s", (engine) => {
  let w: FeedbackWorld;
  let ipCounter = 10;
  /** Each sender from its own address, so the per-address limit is tested only where it is meant to be. */
  const citizen = () => clientAt(w.t, `198.51.100.${ipCounter++}`);

  const body = (unitId: number, extra: Record<string, unknown> = {}) => ({
    unitId,
    topic: "environment",
    place: "Ngõ 12 phố Ngô Gia Tự, tổ dân phố 5",
    text: "Rác thải tồn đọng ở đầu ngõ ba ngày nay chưa được thu gom, bốc mùi.",
    senderName: "Nguyễn Văn An",
    senderContact: "0912 345 678",
    wantsReply: true,
    consent: true,
    ...extra,
  });

  async function send(client: TestClient, payload: Record<string, unknown>) {
    const response = await client.sendJson("POST", "/api/v1/feedback", payload);
    return { status: response.status, json: (await response.json()) as Json, headers: response.headers };
  }

  async function signedIn(username: string) {
    const client = new TestClient(w.t);
    await client.logIn(username);
    return client;
  }

  beforeAll(async () => {
    w = await createFeedbackWorld(engine);
  });
  afterAll(async () => w?.close());

  it("takes a feedback with a photo and a proof of work, and shows its state by code with nothing personal", async () => {
    const client = citizen();
    const photo = await photoWithExif();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const sent = await send(client, {
      ...body(w.wardA),
      altcha: await solvedPow(client),
      photos: [{ name: "rac.jpg", data: photo.toString("base64") }],
    });
    expect(sent.status).toBe(201);
    const code = sent.json.data?.code as string;
    expect(code).toMatch(/^PA-[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    // Monday 07/12/2026 + 10 working days.
    expect(sent.json.data?.answerDue).toBe("2026-12-21");
    expect(sent.json.data?.trackUrl).toContain(`/phan-anh/tra-cuu?ma=${code}`);

    const tracked = await client.request(`/api/v1/feedback/${code.toLowerCase()}`);
    expect(tracked.status).toBe(200);
    const data = ((await tracked.json()) as Json).data as Record<string, unknown>;
    expect(data).toMatchObject({
      code,
      state: "new",
      topic: "environment",
      unitName: "Phường Việt Hưng",
      answer: null,
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain("Nguyễn Văn An");
    expect(text).not.toContain("0912");

    // The photo is kept without its metadata, filed under the ward.
    const db = w.t.database.db;
    const row = await db
      .selectFrom("feedback_photos")
      .innerJoin("session_files", "session_files.id", "feedback_photos.file_id")
      .select(["session_files.storage_key", "session_files.unit_id"])
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(w.wardA);
    const stored = await readFile(path.join(w.t.ctx.config.dataDir, "session-files", row.storage_key));
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("GiaobanPhone"))).toBe(false);
    // Audited, without the sender's contact.
    const audit = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "feedback")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after_json).not.toContain("0912");
  });

  it("refuses bad bodies with field paths, and writes nothing", async () => {
    const client = citizen();
    const before = await w.t.database.db.selectFrom("feedbacks").select("id").execute();
    const noConsent = await send(client, { ...body(w.wardA, { consent: false, place: "  " }), altcha: "x" });
    expect(noConsent.status).toBe(422);
    expect(noConsent.json.error?.fields).toMatchObject({
      "body.consent": expect.stringContaining("đồng ý"),
      "body.place": expect.stringContaining("địa điểm"),
    });
    const wrongType = await send(client, { ...body(w.wardA), topic: "nothing", unitId: "x", altcha: "x" });
    expect(wrongType.status).toBe(422);
    expect(Object.keys(wrongType.json.error?.fields ?? {})).toEqual(
      expect.arrayContaining(["body.topic", "body.unitId"]),
    );
    const replyWithoutContact = await send(client, {
      ...body(w.wardA, { senderContact: null, wantsReply: true }),
      altcha: "x",
    });
    expect(replyWithoutContact.json.error?.fields?.["body.senderContact"]).toContain("điện thoại");
    const city = await send(client, { ...body(w.city), altcha: await solvedPow(client) });
    expect(city.json.error?.fields?.["body.unitId"]).toContain("không nhận phản ánh");
    const notAPhoto = await send(client, {
      ...body(w.wardA),
      altcha: await solvedPow(client),
      photos: [{ name: "virus.exe", data: Buffer.from("MZ not a photo").toString("base64") }],
    });
    expect(notAPhoto.json.error?.fields?.["body.photos.0"]).toContain("JPEG");
    const noProof = await send(client, { ...body(w.wardA), altcha: Buffer.from("{}").toString("base64") });
    expect(noProof.status).toBe(422);
    expect(noProof.json.error?.fields?.["body.altcha"]).toContain("máy tự động");
    const after = await w.t.database.db.selectFrom("feedbacks").select("id").execute();
    expect(after.length).toBe(before.length);
  });

  it("accepts each solved challenge once", async () => {
    const client = citizen();
    const pow = await solvedPow(client);
    expect((await send(client, { ...body(w.wardA), altcha: pow })).status).toBe(201);
    const again = await send(client, { ...body(w.wardA), altcha: pow });
    expect(again.status).toBe(422);
    expect(again.json.error?.fields).toHaveProperty("body.altcha");
  });

  it("refuses a filled honeypot", async () => {
    const client = citizen();
    const sent = await send(client, {
      ...body(w.wardA),
      website: "http://spam.example",
      altcha: await solvedPow(client),
    });
    expect(sent.status).toBe(422);
    expect(sent.json.error?.fields).toHaveProperty("body.website");
  });

  it("limits the feedbacks from one address: 5 an hour, then 429 with Retry-After", async () => {
    const client = citizen();
    for (let i = 0; i < 5; i += 1)
      expect((await send(client, { ...body(w.wardB), altcha: await solvedPow(client) })).status).toBe(201);
    const sixth = await send(client, { ...body(w.wardB), altcha: await solvedPow(client) });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(sixth.json.error?.code).toBe("too_many_requests");
    // Another address is not held back.
    const other = citizen();
    expect((await send(other, { ...body(w.wardB), altcha: await solvedPow(other) })).status).toBe(201);
  });

  it("lets only the ward's officers read and answer; another ward's officer gets 404, a data officer may not moderate", async () => {
    const client = citizen();
    const code = (await send(client, { ...body(w.wardA), altcha: await solvedPow(client) })).json.data
      ?.code as string;

    const anonymous = await client.request(`/api/v1/feedback/${code}/record`, {
      headers: { accept: "application/json" },
    });
    expect(anonymous.status).toBe(401);

    const other = await signedIn("canbo.b");
    expect(
      (await other.request(`/api/v1/feedback/${code}/record`, { headers: { accept: "application/json" } }))
        .status,
    ).toBe(404);
    const otherAnswer = await other.sendJson("POST", `/api/v1/feedback/${code}/handling`, {
      state: "answered",
      answer: "Không phải của chúng tôi",
    });
    expect(otherAnswer.status).toBe(404);
    const otherList = (await (
      await other.request("/api/v1/feedback", { headers: { accept: "application/json" } })
    ).json()) as {
      data: { code: string }[];
    };
    expect(otherList.data.map((f) => f.code)).not.toContain(code);

    const editor = await signedIn("bientap.a");
    expect(
      (await editor.request(`/api/v1/feedback/${code}/record`, { headers: { accept: "application/json" } }))
        .status,
    ).toBe(404);

    const officer = await signedIn("canbo.a");
    const record = (await (
      await officer.request(`/api/v1/feedback/${code}/record`, { headers: { accept: "application/json" } })
    ).json()) as Json;
    expect(record.data).toMatchObject({
      code,
      senderName: "Nguyễn Văn An",
      senderContact: "0912 345 678",
      state: "new",
    });

    const noAnswer = await officer.sendJson("POST", `/api/v1/feedback/${code}/handling`, {
      state: "answered",
      answerPublic: true,
    });
    expect(noAnswer.status).toBe(422);
    expect(Object.keys(((await noAnswer.json()) as Json).error?.fields ?? {})).toEqual(
      expect.arrayContaining(["body.answer", "body.answerPublic"]),
    );
    const foreignOrg = await officer.sendJson("POST", `/api/v1/feedback/${code}/handling`, {
      state: "in_progress",
      organisationId: 999_999,
    });
    expect(((await foreignOrg.json()) as Json).error?.fields).toHaveProperty("body.organisationId");

    const answered = await officer.sendJson("POST", `/api/v1/feedback/${code}/handling`, {
      state: "answered",
      organisationId: w.organisationA,
      answer: "Ngày 08/12/2026 tổ vệ sinh môi trường đã thu gom, đồng thời đặt thêm thùng rác.",
      answerPublic: true,
    });
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as Json).data).toMatchObject({
      state: "answered",
      organisationName: "Phòng Kinh tế, Hạ tầng và Đô thị",
      answerPublic: true,
    });
    const publicView = (await (await client.request(`/api/v1/feedback/${code}`)).json()) as Json;
    expect(publicView.data).toMatchObject({ state: "answered", answer: expect.stringContaining("thu gom") });

    const dataOfficer = await signedIn("nhaplieu.a");
    const moderate = await dataOfficer.sendJson("POST", `/api/v1/feedback/${code}/moderation`, {
      visibility: "spam",
    });
    expect(moderate.status).toBe(403);
    const hidden = await officer.sendJson("POST", `/api/v1/feedback/${code}/moderation`, {
      visibility: "hidden",
    });
    expect(hidden.status).toBe(200);
    // Hidden: the public answer disappears, the state stays.
    const afterHide = (await (await client.request(`/api/v1/feedback/${code}`)).json()) as Json;
    expect(afterHide.data).toMatchObject({ state: "answered", answer: null });

    const db = w.t.database.db;
    const { id } = await db
      .selectFrom("feedbacks")
      .select("id")
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    const audits = await db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "feedback")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audits.map((a) => a.action)).toEqual(["create", "answer", "moderate"]);
  });

  it("answers 404 for an unknown code", async () => {
    const response = await citizen().request("/api/v1/feedback/PA-3333333");
    expect(response.status).toBe(404);
  });
});
