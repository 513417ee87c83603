import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

const ARTICLE = readFileSync(new URL("../fixtures/thuong-thanh-2020-01-02.txt", import.meta.url), "utf8");

interface ParsedItem {
  number: number;
  area: string;
  text: string;
  leadUnit: { key: string | null; unitId: number | null; organisationId: number | null } | null;
  coordinatingUnits: { text: string; key: string | null }[];
  deadline: { kind: string; date: string | null; phrase: string | null };
}

describe.each(ENGINES)("session → conclusions → directives → progress → confirm on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let sessionId: number;
  let parsed: ParsedItem[];
  let directiveIds: number[];

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
  });
  afterAll(() => t.close());

  /** Moves the clock; sessions last 12 hours, so both people sign in again. */
  async function travel(instant: string): Promise<void> {
    t.setNow(new Date(instant));
    for (const [client, username] of [
      [office, "office"],
      [ward, "ward"],
    ] as const) {
      await client.page("/dang-nhap");
      await client.logIn(username);
    }
  }

  it("creates the working session with its attendees and agenda", async () => {
    const res = await office.sendJson("POST", "/api/v1/sessions", {
      kind: "working_visit",
      title: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      hostUnitId: s.ward,
      visitingUnitId: s.district,
      visitingOrganisationId: s.org.quanUy,
      startsAt: "2020-01-02T14:00:00+07:00",
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      chairPersonId: s.chair,
      chairName: "Đỗ Mạnh Hải",
      chairTitle: "Bí thư Quận ủy, Chủ tịch HĐND quận",
      attendees: [{ personId: s.chair, name: "Đỗ Mạnh Hải", title: "Bí thư Quận ủy", side: "visiting" }],
      agenda: [{ title: "Kết quả thực hiện nhiệm vụ chính trị năm 2019", presenter: "Phạm Thị Minh Hồng" }],
      documents: [
        { title: "Báo cáo kết quả năm 2019", kind: "evaluation", unitId: s.ward, periodKey: "2019" },
      ],
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    sessionId = body.data.id;
    expect(body.data).toMatchObject({
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      startsAt: "2020-01-02T07:00:00.000Z",
    });
    expect(body.data.agenda).toHaveLength(1);
    expect(body.data.stillOpen).toEqual({ directives: [], proposals: [] });
  });

  it("refuses a session for a unit the caller does not manage", async () => {
    const res = await ward.sendJson("POST", "/api/v1/sessions", {
      kind: "briefing",
      title: "Giao ban",
      hostUnitId: s.otherWard,
      startsAt: "2020-01-03T08:00:00+07:00",
      place: "Hội trường",
      chairName: "X",
    });
    expect(res.status).toBe(403);
  });

  it("reads the nine conclusions of the reference article with areas, units and deadlines", async () => {
    const res = await office.sendJson("POST", "/api/v1/conclusions/parse", { text: ARTICLE, sessionId });
    expect(res.status).toBe(200);
    parsed = (await res.json()).data.items;
    expect(parsed.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parsed.map((i) => i.area)).toEqual([
      "economy",
      "urban_management",
      "land",
      "administrative_reform",
      "culture_society",
      "education",
      "fire_prevention",
      "party_building",
      "proposals",
    ]);
    expect(parsed[0]?.deadline).toMatchObject({ kind: "year", date: "2020-12-31" });
    expect(parsed[5]?.deadline).toMatchObject({ kind: "term", date: "2025-12-31" });
    expect(parsed[6]?.deadline).toMatchObject({ kind: "recurring", date: null });
    expect(parsed[2]?.leadUnit).toMatchObject({ key: `u${s.ward}`, unitId: s.ward });
    expect(parsed[7]?.leadUnit).toMatchObject({
      key: `o${s.org.dangUyPhuong}`,
      organisationId: s.org.dangUyPhuong,
    });
    expect(parsed[8]?.leadUnit).toMatchObject({ key: `o${s.org.ubndPhuong}` });
  });

  it("saves the notice with one directive per item, led by the ward unless the text says otherwise", async () => {
    const items = parsed.map((i) => ({
      number: String(i.number),
      area: i.area,
      text: i.text,
      directives: [
        {
          lead: { unitId: i.leadUnit?.unitId ?? s.ward, organisationId: i.leadUnit?.organisationId ?? null },
          coordinators: i.number === 3 ? [{ unitId: s.district, organisationId: s.org.tnmt }] : [],
          deadline: i.deadline,
        },
      ],
    }));
    const res = await office.sendJson("POST", "/api/v1/conclusions", {
      sessionId,
      number: "136-TB/QU",
      issuedOn: "2020-01-05",
      issuingUnitId: s.district,
      issuingBody: "QUẬN ỦY LONG BIÊN",
      placeName: "Long Biên",
      title: "Kết luận của đồng chí Bí thư Quận ủy tại buổi làm việc với phường Thượng Thanh",
      signerPersonId: s.chair,
      signerName: "Đỗ Mạnh Hải",
      signerTitle: "BÍ THƯ",
      signingAuthority: "T/M BAN THƯỜNG VỤ",
      items,
    });
    expect(res.status).toBe(201);
    const notice = (await res.json()).data;
    expect(notice.items).toHaveLength(9);
    directiveIds = notice.items.map((i: { directives: { id: number }[] }) => i.directives[0]?.id);
    expect(notice.items[2].directives[0]).toMatchObject({
      state: "assigned",
      timeliness: "no_deadline",
      coordinators: [{ organisationId: s.org.tnmt, name: "Phòng Tài nguyên và Môi trường quận Long Biên" }],
    });
    expect(notice.items[0].directives[0]).toMatchObject({
      timeliness: "in_time",
      assignerName: "Đỗ Mạnh Hải",
      noticeNumber: "136-TB/QU",
    });
  });

  it("lets the ward report progress and submit, and only the assigner confirm", async () => {
    const id = directiveIds[0] as number;
    const other = new TestClient(t, "203.0.113.9");
    await other.logIn("otherward");
    expect(
      (await other.sendJson("POST", `/api/v1/directives/${id}/progress`, { percent: 10, text: "x" })).status,
    ).toBe(404);
    const byOffice = await office.sendJson("POST", `/api/v1/directives/${id}/progress`, {
      percent: 10,
      text: "x",
    });
    expect(byOffice.status).toBe(403);
    expect((await byOffice.json()).error.message).toBe("Chỉ đơn vị chủ trì mới được báo cáo tiến độ.");

    await travel("2020-03-01T03:00:00Z");
    const progress = await ward.sendJson("POST", `/api/v1/directives/${id}/progress`, {
      percent: 60,
      text: "Đã rà soát các nguồn thu",
    });
    expect(progress.status).toBe(201);
    expect((await progress.json()).data).toMatchObject({ state: "in_progress", progressPercent: 60 });
    const selfConfirm = await ward.sendJson("POST", `/api/v1/directives/${id}/actions`, {
      action: "confirm",
    });
    expect(selfConfirm.status).toBe(403);
    const submit = await ward.sendJson("POST", `/api/v1/directives/${id}/actions`, {
      action: "submit",
      text: "Hoàn thành",
    });
    expect((await submit.json()).data).toMatchObject({ state: "submitted", progressPercent: 100 });

    await travel("2021-01-10T03:00:00Z");
    const confirm = await office.sendJson("POST", `/api/v1/directives/${id}/actions`, { action: "confirm" });
    expect(confirm.status).toBe(200);
    // Confirmed after the deadline, but submitted before it: done on time.
    expect((await confirm.json()).data).toMatchObject({ state: "confirmed", timeliness: "done_on_time" });
    // The office was told of the submission, the ward of the new task and of its confirmation.
    const officeNotes = await (
      await office.request("/api/v1/notifications", { headers: { accept: "application/json" } })
    ).json();
    expect(officeNotes.data.map((n: { kind: string }) => n.kind)).toContain("directive_submit");
    const wardNotes = await (
      await ward.request("/api/v1/notifications", { headers: { accept: "application/json" } })
    ).json();
    const kinds = wardNotes.data.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain("directive_confirm");
    expect(kinds.filter((k: string) => k === "directive_assigned")).toHaveLength(9);
    const again = await office.sendJson("POST", `/api/v1/directives/${id}/actions`, { action: "confirm" });
    expect(again.status).toBe(409);

    const detail = await (
      await ward.request(`/api/v1/directives/${id}`, { headers: { accept: "application/json" } })
    ).json();
    expect(detail.data.reports.map((r: { action: string }) => r.action)).toEqual([
      "report_progress",
      "submit",
      "confirm",
    ]);
    expect(detail.data.allowedActions).toEqual([]);
    const audit = await t.database.db
      .selectFrom("audit_events")
      .select(["action"])
      .where("entity_type", "=", "directive")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "report_progress", "submit", "confirm"]);
  });

  it("derives timeliness for filters and follow-up counts", async () => {
    // 10/01/2021: the year-2020 deadlines (items 1 and 5) have passed; item 1 was done on time.
    const overdue = await office.request(`/api/v1/directives?timeliness=overdue&unit=${s.ward}`, {
      headers: { accept: "application/json" },
    });
    const body = await overdue.json();
    expect(body.data.map((d: { id: number }) => d.id)).toEqual([directiveIds[4]]);
    expect(body.data[0]).toMatchObject({ timeliness: "overdue", daysOverdue: 10 });
    const follow = await (
      await office.request("/api/v1/follow-up?by=notice", { headers: { accept: "application/json" } })
    ).json();
    expect(follow.data.total).toMatchObject({ total: 9, completed: 1, overdue: 1, longestOverdueDays: 10 });
    expect(follow.data.groups[0].label).toBe("Thông báo 136-TB/QU ngày 05/01/2020");
  });

  it("shows the open directives of this session when the next session with the ward is opened", async () => {
    const res = await office.sendJson("POST", "/api/v1/sessions", {
      kind: "working_visit",
      title: "Làm việc với phường Thượng Thanh năm 2021",
      hostUnitId: s.ward,
      visitingUnitId: s.district,
      startsAt: "2021-01-15T08:00:00+07:00",
      place: "Phòng họp 1 UBND phường Thượng Thanh",
      chairName: "Đỗ Mạnh Hải",
    });
    const body = await res.json();
    expect(body.data.stillOpen.directives).toHaveLength(8);
    expect(body.data.stillOpen.directives.some((d: { id: number }) => d.id === directiveIds[0])).toBe(false);
  });

  it("lets a unit assign only to itself or the units below it", async () => {
    const sideways = await ward.sendJson("POST", "/api/v1/directives", {
      title: "Hỗ trợ phường bạn",
      lead: { unitId: s.otherWard },
      deadline: { kind: "none" },
      assigningUnitId: s.ward,
    });
    expect(sideways.status).toBe(422);
    expect((await sideways.json()).error.fields.lead).toBe(
      "Đơn vị chủ trì phải là đơn vị giao nhiệm vụ hoặc một đơn vị trực thuộc.",
    );
    const own = await ward.sendJson("POST", "/api/v1/directives", {
      title: "Rà soát hồ sơ đất đai tồn đọng",
      lead: { unitId: s.ward, organisationId: s.org.ubndPhuong },
      deadline: { kind: "year", date: "2021-05-01" },
      assigningUnitId: s.ward,
    });
    expect(own.status).toBe(201);
    expect((await own.json()).data).toMatchObject({
      deadline: { kind: "year", date: "2021-12-31" },
      timeliness: "in_time",
    });
  });
});

describe.each(ENGINES)("proposal permissions on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let proposalId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
  });
  afterAll(() => t.close());

  it("records the ward's proposal addressed to one department", async () => {
    const ward = new TestClient(t);
    await ward.logIn("ward");
    const res = await ward.sendJson("POST", "/api/v1/proposals", {
      from: { unitId: s.ward, organisationId: s.org.ubndPhuong },
      topic: "Hướng dẫn cấp giấy chứng nhận quyền sử dụng đất cho các trường hợp vướng mắc",
      answerDue: "2020-03-31",
      addressees: [{ unitId: s.district, organisationId: s.org.tnmt }],
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    proposalId = body.data.id;
    expect(body.data).toMatchObject({
      status: "unanswered",
      addressees: [{ name: "Phòng Tài nguyên và Môi trường quận Long Biên" }],
    });
  });

  it("lets only the addressed department (or the office) answer", async () => {
    const qldt = new TestClient(t, "198.51.100.20");
    await qldt.logIn("qldt");
    const refused = await qldt.sendJson("POST", `/api/v1/proposals/${proposalId}/answer`, {
      answer: "Đồng ý",
      status: "answered",
    });
    expect(refused.status).toBe(403);
    const ward = new TestClient(t, "198.51.100.21");
    await ward.logIn("ward");
    expect(
      (
        await ward.sendJson("POST", `/api/v1/proposals/${proposalId}/answer`, {
          answer: "x",
          status: "answered",
        })
      ).status,
    ).toBe(403);
    const tnmt = new TestClient(t, "198.51.100.22");
    await tnmt.logIn("tnmt");
    const ok = await tnmt.sendJson("POST", `/api/v1/proposals/${proposalId}/answer`, {
      answer: "Phòng sẽ phối hợp rà soát từng hồ sơ trong quý I/2020.",
      status: "in_progress",
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({
      status: "in_progress",
      answer: "Phòng sẽ phối hợp rà soát từng hồ sơ trong quý I/2020.",
    });
  });

  it("turns the proposal into a directive once", async () => {
    const office = new TestClient(t, "198.51.100.23");
    await office.logIn("office");
    const input = {
      title: "Giải quyết dứt điểm các hồ sơ cấp giấy chứng nhận vướng mắc",
      lead: { unitId: s.district, organisationId: s.org.tnmt },
      coordinators: [{ unitId: s.ward, organisationId: s.org.ubndPhuong }],
      deadline: { kind: "quarter", date: "2020-06-30", phrase: null },
      assigningUnitId: s.district,
    };
    const made = await office.sendJson("POST", `/api/v1/proposals/${proposalId}/directive`, input);
    expect(made.status).toBe(201);
    expect((await made.json()).data).toMatchObject({ proposalId, lead: { organisationId: s.org.tnmt } });
    expect((await office.sendJson("POST", `/api/v1/proposals/${proposalId}/directive`, input)).status).toBe(
      422,
    );
  });
});
