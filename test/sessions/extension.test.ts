import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

interface Extension {
  id: number;
  status: string;
  requestedDate: string;
  reason: string;
  requesterName: string;
  deciderName: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

interface Detail {
  deadline: { kind: string; date: string | null };
  originalDeadline: { kind: string; date: string | null };
  extensions: Extension[];
  timeliness: string;
  daysOverdue: number;
  reports: { action: string; text: string | null; reporterName: string; at: string }[];
}

/**
 * Xin gia hạn, on both engines: the ward (lead unit) asks the district (assigner) for a later deadline;
 * a grant moves the deadline, timeliness and follow-up read the granted date, the original stays, and
 * the history keeps the request and the decision. Refusals and every 4xx case.
 */
describe.each(ENGINES)("deadline extension of a directive on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let otherWard: TestClient;

  async function signIn(client: TestClient, username: string) {
    await client.page("/dang-nhap");
    await client.logIn(username);
  }

  /** Moves the clock; sessions last 12 hours, so everyone signs in again. */
  async function travel(instant: string): Promise<void> {
    t.setNow(new Date(instant));
    await signIn(office, "office");
    await signIn(ward, "ward");
    await signIn(otherWard, "otherward");
  }

  async function assign(title: string, date = "2020-03-31"): Promise<number> {
    const res = await office.sendJson("POST", "/api/v1/directives", {
      title,
      lead: { unitId: s.ward },
      deadline: { kind: "date", date },
      assigningUnitId: s.district,
    });
    expect(res.status).toBe(201);
    return (await res.json()).data.id;
  }

  async function detail(client: TestClient, id: number): Promise<Detail> {
    const res = await client.request(`/api/v1/directives/${id}`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    return (await res.json()).data;
  }

  const ask = (client: TestClient, id: number, body: unknown) =>
    client.sendJson("POST", `/api/v1/directives/${id}/extension-requests`, body);
  const decide = (client: TestClient, id: number, requestId: number, body: unknown) =>
    client.sendJson("POST", `/api/v1/directives/${id}/extension-requests/${requestId}/decision`, body);

  async function cards(client: TestClient): Promise<Record<string, number>> {
    const res = await client.request("/api/v1/dashboard", { headers: { accept: "application/json" } });
    const body = (await res.json()) as { data: { cards: { key: string; count: number }[] } };
    return Object.fromEntries(body.data.cards.map((c) => [c.key, c.count]));
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T03:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    ward = new TestClient(t, "203.0.113.8");
    otherWard = new TestClient(t, "203.0.113.9");
    await travel("2020-01-02T03:00:00Z");
  });
  afterAll(() => t.close());

  let granted: number;
  let requestId: number;

  it("lets the ward ask for a later date, tells the district and shows the request on its dashboard", async () => {
    granted = await assign("Hoàn thành chỉnh trang tuyến phố Thượng Thanh");
    const res = await ask(ward, granted, {
      requestedDate: "2020-06-30",
      reason: "Chờ bố trí vốn đầu tư công năm 2020.",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()).data as Extension;
    requestId = body.id;
    expect(body).toMatchObject({
      status: "pending",
      requestedDate: "2020-06-30",
      requesterName: "Cán bộ phường Thượng Thanh",
      decidedAt: null,
    });
    const notes = await t.database.db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select(["u.username", "n.title"])
      .where("n.kind", "=", "directive_extension_requested")
      .execute();
    expect(notes.map((n) => n.username)).toEqual(["office"]);
    expect(notes[0]?.title).toContain("Đề nghị gia hạn chờ duyệt");
    expect((await cards(office))["directives.extensionRequests"]).toBe(1);
    // The ward's admin decides only what the ward assigns: nothing waits for it.
    expect((await cards(ward))["directives.extensionRequests"]).toBe(0);
    const { html } = await office.page("/quan-tri/nhiem-vu?gia_han=cho_duyet");
    expect(html).toContain("1 nhiệm vụ");
    expect(html).toContain("Hoàn thành chỉnh trang tuyến phố Thượng Thanh");
  });

  it("refuses a second request while one waits, a past date, a date not after the deadline, and no reason", async () => {
    const second = await ask(ward, granted, { requestedDate: "2020-07-31", reason: "Thêm thời gian." });
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toBe("Nhiệm vụ đã có một đề nghị gia hạn đang chờ duyệt.");

    const other = await assign("Rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất");
    const past = await ask(ward, other, { requestedDate: "2020-01-01", reason: "Lý do" });
    expect(past.status).toBe(422);
    const pastBody = await past.json();
    expect(JSON.stringify(pastBody.error)).toContain("requestedDate");
    expect(JSON.stringify(pastBody.error)).toContain("Ngày đề nghị gia hạn đã qua");
    const early = await ask(ward, other, { requestedDate: "2020-03-31", reason: "Lý do" });
    expect(early.status).toBe(422);
    expect(JSON.stringify((await early.json()).error)).toContain("phải sau hạn hiện tại (31/03/2020)");
    const noReason = await ask(ward, other, { requestedDate: "2020-06-30", reason: "   " });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify((await noReason.json()).error)).toContain("reason");
    const badDate = await ask(ward, other, { requestedDate: "2020-02-30", reason: "Lý do" });
    expect(badDate.status).toBe(422);
    // The assigner does not ask itself; a unit that cannot see the directive gets a 404.
    expect((await ask(office, other, { requestedDate: "2020-06-30", reason: "Lý do" })).status).toBe(403);
    expect((await ask(otherWard, other, { requestedDate: "2020-06-30", reason: "Lý do" })).status).toBe(404);
    // Nothing was written by the refusals.
    expect((await detail(office, other)).extensions).toEqual([]);
  });

  it("lets only the assigner decide, with a reason", async () => {
    expect((await decide(ward, granted, requestId, { decision: "granted", reason: "Tự duyệt" })).status).toBe(
      403,
    );
    expect((await decide(office, granted, requestId, { decision: "maybe", reason: "?" })).status).toBe(422);
    expect((await decide(office, granted, requestId, { decision: "granted", reason: "" })).status).toBe(422);
    expect((await decide(office, granted, 999_999, { decision: "granted", reason: "Đồng ý" })).status).toBe(
      404,
    );
    expect((await detail(office, granted)).extensions[0]?.status).toBe("pending");
  });

  it("grants it: the deadline moves, the original is kept, and the history shows both steps", async () => {
    const res = await decide(office, granted, requestId, {
      decision: "granted",
      reason: "Đồng ý, đề nghị phường hoàn thành trước 30/6.",
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({
      status: "granted",
      deciderName: "Văn phòng Quận ủy",
      decisionReason: "Đồng ý, đề nghị phường hoàn thành trước 30/6.",
    });
    const d = await detail(ward, granted);
    expect(d.deadline).toMatchObject({ kind: "date", date: "2020-06-30" });
    expect(d.originalDeadline).toMatchObject({ kind: "date", date: "2020-03-31" });
    expect(d.extensions).toHaveLength(1);
    const steps = d.reports.map((r) => [r.action, r.reporterName, r.text]);
    expect(steps).toEqual([
      [
        "request_extension",
        "Cán bộ phường Thượng Thanh",
        "Đề nghị gia hạn đến ngày 30/06/2020 (hạn hiện tại: trước ngày 31/03/2020). Lý do: Chờ bố trí vốn đầu tư công năm 2020.",
      ],
      [
        "grant_extension",
        "Văn phòng Quận ủy",
        "Đồng ý gia hạn đến ngày 30/06/2020 (hạn trước đó: trước ngày 31/03/2020). Ý kiến: Đồng ý, đề nghị phường hoàn thành trước 30/6.",
      ],
    ]);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "directive")
      .where("entity_id", "=", String(granted))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "request_extension", "grant_extension"]);
    // Deciding again is refused; the card is back to 0 and the ward was told.
    expect((await decide(office, granted, requestId, { decision: "refused", reason: "Đổi ý" })).status).toBe(
      409,
    );
    expect((await cards(office))["directives.extensionRequests"]).toBe(0);
    const told = await t.database.db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select("u.username")
      .where("n.kind", "=", "directive_extension_granted")
      .execute();
    expect(told.map((n) => n.username)).toEqual(["ward"]);
    const { html } = await ward.page(`/quan-tri/nhiem-vu/${granted}`);
    expect(html).toContain("Hạn ban đầu: trước ngày 31/03/2020; hạn đã gia hạn: trước ngày 30/06/2020.");
    expect(html).toContain("Đề nghị gia hạn");
    expect(html).toContain("Đồng ý gia hạn");
  });

  it("judges timeliness by the granted date, in the rules, the list filters and the follow-up figures", async () => {
    const other = await t.database.db
      .selectFrom("directives")
      .select("id")
      .where("title", "=", "Rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất")
      .executeTakeFirstOrThrow();
    // 15/04/2020: past the original deadline, before the granted one.
    await travel("2020-04-15T03:00:00Z");
    expect((await detail(office, granted)).timeliness).toBe("in_time");
    expect((await detail(office, other.id)).timeliness).toBe("overdue");
    const overdue = await office.request("/api/v1/directives?timeliness=overdue", {
      headers: { accept: "application/json" },
    });
    expect(((await overdue.json()).data as { id: number }[]).map((d) => d.id)).toEqual([other.id]);
    const followUp = await office.request(`/api/v1/follow-up?by=lead&unit=${s.ward}`, {
      headers: { accept: "application/json" },
    });
    const total = (await followUp.json()).data.total;
    expect(total.byTimeliness).toMatchObject({ overdue: 1, in_time: 1 });
    // 05/07/2020: five days late against the granted date, not 96 against the original.
    await travel("2020-07-05T03:00:00Z");
    const late = await detail(office, granted);
    expect([late.timeliness, late.daysOverdue]).toEqual(["overdue", 5]);
    // Submitted before the granted date and confirmed: done on time.
    t.setNow(new Date("2020-06-20T03:00:00Z"));
    await signIn(ward, "ward");
    await signIn(office, "office");
    expect(
      (await ward.sendJson("POST", `/api/v1/directives/${granted}/actions`, { action: "submit" })).status,
    ).toBe(200);
    await travel("2020-07-10T03:00:00Z");
    expect(
      (await office.sendJson("POST", `/api/v1/directives/${granted}/actions`, { action: "confirm" })).status,
    ).toBe(200);
    expect((await detail(office, granted)).timeliness).toBe("done_on_time");
  });

  it("refuses a request: the deadline stays, the history says why, and a new request may follow", async () => {
    await travel("2020-08-01T03:00:00Z");
    const id = await assign("Xây dựng phương án phòng cháy chữa cháy khu dân cư", "2020-09-30");
    const asked = await ask(ward, id, {
      requestedDate: "2020-12-31",
      reason: "Chờ hướng dẫn của Thành phố.",
    });
    expect(asked.status).toBe(201);
    const req = (await asked.json()).data as Extension;
    const res = await decide(office, id, req.id, {
      decision: "refused",
      reason: "Nhiệm vụ cấp bách, giữ nguyên thời hạn.",
    });
    expect(res.status).toBe(200);
    const d = await detail(ward, id);
    expect(d.deadline).toMatchObject({ kind: "date", date: "2020-09-30" });
    expect(d.originalDeadline).toMatchObject({ kind: "date", date: "2020-09-30" });
    expect(d.extensions.map((e) => [e.status, e.decisionReason])).toEqual([
      ["refused", "Nhiệm vụ cấp bách, giữ nguyên thời hạn."],
    ]);
    expect(d.reports.map((r) => r.action)).toEqual(["request_extension", "refuse_extension"]);
    expect(d.reports[1]?.text).toBe(
      "Không đồng ý gia hạn đến ngày 31/12/2020; giữ hạn trước ngày 30/09/2020. Lý do: Nhiệm vụ cấp bách, giữ nguyên thời hạn.",
    );
    expect(
      (await ask(ward, id, { requestedDate: "2020-10-31", reason: "Xin gia hạn ngắn hơn." })).status,
    ).toBe(201);
  });

  it("works from the directive's page: the ward's form, a message next to the field, the assigner's buttons", async () => {
    const id = await assign("Tổ chức ngày hội đại đoàn kết toàn dân tộc", "2020-11-18");
    const page = await ward.page(`/quan-tri/nhiem-vu/${id}`);
    expect(page.html).toContain('action="/quan-tri/nhiem-vu/' + id + '/gia-han"');
    const bad = await ward.postForm(`/quan-tri/nhiem-vu/${id}/gia-han`, {
      requestedDate: "2020-11-01",
      reason: "",
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('id="f-requestedDate-error"');
    expect(badHtml).toContain("phải sau hạn hiện tại (18/11/2020)");
    expect(badHtml).toContain("Vui lòng nêu lý do xin gia hạn.");
    const ok = await ward.postForm(`/quan-tri/nhiem-vu/${id}/gia-han`, {
      requestedDate: "2020-12-15",
      reason: "Trùng lịch bầu cử.",
    });
    expect(ok.status).toBe(303);
    const decision = await office.page(`/quan-tri/nhiem-vu/${id}`);
    expect(decision.html).toContain("Duyệt đề nghị gia hạn đến ngày 15/12/2020");
    const requestIdOf = Number(decision.html.match(/gia-han\/(\d+)"/)?.[1]);
    const noReason = await office.postForm(`/quan-tri/nhiem-vu/${id}/gia-han/${requestIdOf}`, {
      decision: "granted",
      reason: "",
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('id="f-decisionReason-error"');
    const done = await office.postForm(`/quan-tri/nhiem-vu/${id}/gia-han/${requestIdOf}`, {
      decision: "granted",
      reason: "Đồng ý.",
    });
    expect(done.status).toBe(303);
    expect((await detail(office, id)).deadline.date).toBe("2020-12-15");
  });
});
