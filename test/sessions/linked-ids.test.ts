import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFile } from "../../src/core/files/files.repo.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/**
 * Security issue, defect 8: an id of another record sent in a write must name a record the caller
 * may read, or the link would show its title (or name) to whoever reads the record written. The
 * district's own session (owned by the district, held at phường Ngọc Thụy) is hidden from phường
 * Thượng Thanh; so are the district's directive to Ngọc Thụy and a file of Ngọc Thụy.
 */
describe.each(ENGINES)("ids of records the caller cannot see on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let hiddenSession: number;
  let ownSession: number;
  let hiddenDirective: number;
  let hiddenFile: number;

  const session = (hostUnitId: number, over: Record<string, unknown> = {}) => ({
    kind: "working_visit",
    title: `Buổi làm việc bí mật ${hostUnitId}`,
    hostUnitId,
    startsAt: "2020-01-02T14:00:00+07:00",
    place: "Phòng họp",
    chairName: "Chủ trì",
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
    await createUser(t.database.db, {
      username: "writer",
      displayName: "Người viết phường Thượng Thanh",
      grants: [{ role: "writer", unitId: s.ward }],
    });
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    const hidden = await office.sendJson("POST", "/api/v1/sessions", {
      ...session(s.otherWard),
      visitingUnitId: s.district,
    });
    expect(hidden.status).toBe(201);
    hiddenSession = (await hidden.json()).data.id;
    const own = await ward.sendJson("POST", "/api/v1/sessions", session(s.ward));
    expect(own.status).toBe(201);
    ownSession = (await own.json()).data.id;
    const d = await office.sendJson("POST", "/api/v1/directives", {
      title: "Nhiệm vụ của phường Ngọc Thụy",
      lead: { unitId: s.otherWard, organisationId: null },
      deadline: { kind: "none" },
      assigningUnitId: s.district,
    });
    expect(d.status).toBe(201);
    hiddenDirective = (await d.json()).data.id;
    hiddenFile = await insertFile(t.database.db, {
      storageKey: "x.pdf",
      originalName: "Báo cáo mật của phường Ngọc Thụy.pdf",
      mimeType: "application/pdf",
      byteSize: 1,
      unitId: s.otherWard,
      uploadedBy: 1,
      now: new Date("2020-01-02T01:00:00Z"),
    });
  });
  afterAll(() => t.close());

  const proposal = (sessionId: number) => ({
    sessionId,
    from: { unitId: s.ward, organisationId: null },
    topic: "Đề nghị hỗ trợ",
    addressees: [{ unitId: s.district, organisationId: s.org.tnmt }],
  });

  it("a proposal at a session the ward cannot see: 422 on sessionId; at its own: 201", async () => {
    const hidden = await ward.sendJson("POST", "/api/v1/proposals", proposal(hiddenSession));
    expect(hidden.status).toBe(422);
    expect((await hidden.json()).error.fields).toEqual({ sessionId: "Không tìm thấy buổi làm việc này." });
    expect((await ward.sendJson("POST", "/api/v1/proposals", proposal(ownSession))).status).toBe(201);
  });

  it("a conclusion notice of a session the ward cannot see: 422 on sessionId", async () => {
    const res = await ward.sendJson("POST", "/api/v1/conclusions", {
      sessionId: hiddenSession,
      number: "1-TB/ĐU",
      issuedOn: "2020-01-02",
      issuingUnitId: s.ward,
      issuingBody: "ĐẢNG ỦY PHƯỜNG THƯỢNG THANH",
      placeName: "Thượng Thanh",
      title: "Kết luận",
      signerName: "Bí thư",
      signerTitle: "Bí thư",
      items: [{ number: "1", area: "other", text: "Nội dung.", directives: [] }],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual({ sessionId: "Không tìm thấy buổi làm việc này." });
  });

  it("a child task of a directive the ward cannot see: 404", async () => {
    const res = await ward.sendJson("POST", "/api/v1/directives", {
      title: "Việc con",
      lead: { unitId: s.ward, organisationId: null },
      deadline: { kind: "none" },
      assigningUnitId: s.ward,
      parentId: hiddenDirective,
    });
    expect(res.status).toBe(404);
  });

  it("a session document naming a file the ward cannot open: 422 on documents.0.fileId", async () => {
    const doc = { title: "Tài liệu", kind: "file", fileId: hiddenFile };
    for (const [method, url] of [
      ["POST", "/api/v1/sessions"],
      ["PUT", `/api/v1/sessions/${ownSession}`],
    ] as const) {
      const res = await ward.sendJson(method, url, session(s.ward, { documents: [doc] }));
      expect(res.status, `${method} ${url}`).toBe(422);
      expect((await res.json()).error.fields).toEqual({ "documents.0.fileId": "Không tìm thấy tệp này." });
    }
    const page = await ward.page(`/quan-tri/buoi-lam-viec/${ownSession}`);
    expect(page.html).not.toContain("Báo cáo mật");
  });

  it("an article linked to a session its writer cannot see: 422 on sessionIds, and no title shown", async () => {
    const writer = new TestClient(t, "203.0.113.9");
    await writer.logIn("writer");
    const article = (sessionIds: number[]) => ({
      title: "Phường Thượng Thanh tổng kết năm 2019",
      bodyHtml: "<p>Kết quả</p>",
      unitId: s.ward,
      status: "draft",
      sessionIds,
    });
    const hidden = await writer.sendJson("POST", "/api/v1/articles", article([hiddenSession]));
    expect(hidden.status).toBe(422);
    const fields = (await hidden.json()).error.fields as Record<string, string>;
    expect(Object.entries(fields)).toEqual([
      [expect.stringMatching(/sessionIds$/), "Buổi làm việc không tồn tại."],
    ]);
    const own = await writer.sendJson("POST", "/api/v1/articles", article([ownSession]));
    expect(own.status).toBe(201);
    const admin = await writer.page("/quan-tri/bai-viet");
    expect(admin.html).not.toContain(`Buổi làm việc bí mật ${s.otherWard}`);
  });
});
