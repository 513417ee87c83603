import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUnit } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { type Seeded, seedRegistry } from "./seed.js";

/**
 * Security issue, defect 1: every unit + organisation pair a write takes must name an organisation of
 * that unit, and both must exist on the record's date. One table: each pair field of each write
 * endpoint gets an organisation of another unit, and a dissolved unit with its own organisation; the
 * answer is 422 naming the field, and nothing is written (no row, no audit event).
 */
type Party = { unitId: number; organisationId: number | null };

interface Case {
  name: string;
  who: "office" | "ward";
  /** The request for the bad party; `path` is the field the answer must blame. */
  send: (bad: Party) => { method: string; url: string; body: unknown };
  /** The field path blamed, for the pair `bad` put where the case puts it. */
  field: string;
  /** The form cases can only name a dissolved unit's organisation (a key is one organisation). */
  formOnly?: true;
}

describe.each(ENGINES)("unit + organisation pairs on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let otherWardOrg: number;
  let gone: Party;
  let directiveId: number;
  /** A task the district gives itself: its child tasks may go to any unit under it. */
  let ownId: number;
  let proposalId: number;
  let sessionId: number;

  const ok = (): Party => ({ unitId: s.ward, organisationId: s.org.ubndPhuong });
  const session = (over: Record<string, unknown>) => ({
    kind: "working_visit",
    title: "Làm việc với phường Thượng Thanh",
    hostUnitId: s.ward,
    visitingUnitId: s.district,
    startsAt: "2020-01-02T14:00:00+07:00",
    place: "Phòng họp 1",
    chairName: "Đỗ Mạnh Hải",
    ...over,
  });
  const notice = (lead: Party, coordinators: Party[]) => ({
    number: "1-TB/QU",
    issuedOn: "2020-01-02",
    issuingUnitId: s.district,
    issuingBody: "QUẬN ỦY LONG BIÊN",
    placeName: "Long Biên",
    title: "Kết luận buổi làm việc",
    signerName: "Đỗ Mạnh Hải",
    signerTitle: "Bí thư",
    items: [
      {
        number: "1",
        area: "other",
        text: "Rà soát hồ sơ đất đai.",
        directives: [{ lead, coordinators, deadline: { kind: "none" } }],
      },
    ],
  });
  const directive = (lead: Party, coordinators: Party[] = []) => ({
    title: "Rà soát hồ sơ đất đai tồn đọng",
    lead,
    coordinators,
    deadline: { kind: "date", date: "2020-03-31" },
    assigningUnitId: s.district,
  });
  const proposal = (from: Party, addressees: Party[]) => ({
    from,
    topic: "Đề nghị hỗ trợ kinh phí",
    addressees,
  });

  const CASES: Case[] = [
    {
      name: "directive lead (the ward)",
      who: "ward",
      field: "lead",
      send: (bad) => ({
        method: "POST",
        url: "/api/v1/directives",
        body: { ...directive(bad), assigningUnitId: s.ward },
      }),
    },
    {
      name: "directive lead",
      who: "office",
      field: "lead",
      send: (bad) => ({ method: "POST", url: "/api/v1/directives", body: directive(bad) }),
    },
    {
      name: "directive coordinator",
      who: "office",
      field: "coordinators.1",
      send: (bad) => ({ method: "POST", url: "/api/v1/directives", body: directive(ok(), [ok(), bad]) }),
    },
    {
      name: "child task lead",
      who: "office",
      field: "lead",
      send: (bad) => ({
        method: "POST",
        url: "/api/v1/directives",
        body: { ...directive(bad), parentId: ownId },
      }),
    },
    {
      name: "reassignment's new lead",
      who: "office",
      field: "newLead",
      send: (bad) => ({
        method: "POST",
        url: `/api/v1/directives/${directiveId}/actions`,
        body: { action: "reassign", newLead: bad },
      }),
    },
    {
      name: "edited coordinators",
      who: "office",
      field: "coordinators.0",
      send: (bad) => ({
        method: "PATCH",
        url: `/api/v1/directives/${directiveId}`,
        body: { coordinators: [bad] },
      }),
    },
    {
      name: "proposal sender",
      who: "office",
      field: "from",
      send: (bad) => ({ method: "POST", url: "/api/v1/proposals", body: proposal(bad, [ok()]) }),
    },
    {
      name: "proposal addressee",
      who: "office",
      field: "addressees.1",
      send: (bad) => ({ method: "POST", url: "/api/v1/proposals", body: proposal(ok(), [ok(), bad]) }),
    },
    {
      name: "corrected proposal sender",
      who: "office",
      field: "from",
      send: (bad) => ({ method: "PUT", url: `/api/v1/proposals/${proposalId}`, body: proposal(bad, [ok()]) }),
    },
    {
      name: "corrected proposal addressee",
      who: "office",
      field: "addressees.0",
      send: (bad) => ({ method: "PUT", url: `/api/v1/proposals/${proposalId}`, body: proposal(ok(), [bad]) }),
    },
    {
      name: "directive made from a proposal",
      who: "office",
      field: "lead",
      send: (bad) => ({
        method: "POST",
        url: `/api/v1/proposals/${proposalId}/directive`,
        body: directive(bad),
      }),
    },
    {
      name: "notice directive lead",
      who: "office",
      field: "items.0.directives.0.lead",
      send: (bad) => ({ method: "POST", url: "/api/v1/conclusions", body: notice(bad, []) }),
    },
    {
      name: "notice directive coordinator",
      who: "office",
      field: "items.0.directives.0.coordinators.0",
      send: (bad) => ({ method: "POST", url: "/api/v1/conclusions", body: notice(ok(), [bad]) }),
    },
    ...(["POST", "PUT"] as const).flatMap((method): Case[] => {
      const url = () => (method === "POST" ? "/api/v1/sessions" : `/api/v1/sessions/${sessionId}`);
      return [
        {
          name: `${method} session host`,
          who: "office",
          field: "host",
          send: (bad) => ({
            method,
            url: url(),
            body: session({ hostUnitId: bad.unitId, hostOrganisationId: bad.organisationId }),
          }),
        },
        {
          name: `${method} session visitors`,
          who: "office",
          field: "visiting",
          send: (bad) => ({
            method,
            url: url(),
            body: session({ visitingUnitId: bad.unitId, visitingOrganisationId: bad.organisationId }),
          }),
        },
        {
          name: `${method} session attendee`,
          who: "office",
          field: "attendees.0",
          send: (bad) => ({
            method,
            url: url(),
            body: session({ attendees: [{ name: "Nguyễn Văn A", side: "host", ...bad }] }),
          }),
        },
      ];
    }),
  ];

  /** The path of a field of the pair: `lead.unitId`, or the flat `hostUnitId` of a session. */
  const pathOf = (field: string, part: "unitId" | "organisationId") =>
    field === "host" || field === "visiting"
      ? `${field}${part === "unitId" ? "UnitId" : "OrganisationId"}`
      : `${field}.${part}`;

  async function written(): Promise<Record<string, unknown>> {
    const db = t.database.db;
    const count = async (table: "directives" | "proposals" | "audit_events" | "working_sessions") =>
      Number((await db.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
    return {
      directives: await count("directives"),
      proposals: await count("proposals"),
      sessions: await count("working_sessions"),
      audit: await count("audit_events"),
    };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { now: new Date("2020-01-02T10:00:00Z") });
    s = await seedRegistry(t.database.db);
    const db = t.database.db;
    otherWardOrg = (
      await db
        .selectFrom("organisations")
        .select("id")
        .where("unit_id", "=", s.otherWard)
        .executeTakeFirstOrThrow()
    ).id;
    const dissolved = await createUnit(db, {
      name: "Phường Đã Giải Thể",
      parentId: s.district,
      validTo: "2019-06-30",
    });
    const dissolvedOrg = (
      await db
        .insertInto("organisations")
        .values({
          unit_id: dissolved,
          kind: "peoples_committee",
          name: "UBND phường Đã Giải Thể",
          valid_from: "2003-11-06",
          valid_to: "2019-06-30",
          sort_order: 0,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    gone = { unitId: dissolved, organisationId: dissolvedOrg };
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    const d = await office.sendJson("POST", "/api/v1/directives", directive(ok(), [ok()]));
    expect(d.status).toBe(201);
    directiveId = (await d.json()).data.id;
    const own = await office.sendJson(
      "POST",
      "/api/v1/directives",
      directive({ unitId: s.district, organisationId: null }),
    );
    expect(own.status).toBe(201);
    ownId = (await own.json()).data.id;
    const p = await office.sendJson("POST", "/api/v1/proposals", proposal(ok(), [ok()]));
    expect(p.status).toBe(201);
    proposalId = (await p.json()).data.id;
    const sess = await office.sendJson("POST", "/api/v1/sessions", session({}));
    expect(sess.status).toBe(201);
    sessionId = (await sess.json()).data.id;
  });
  afterAll(() => t.close());

  it.each(CASES.map((c) => [c.name, c] as const))("%s: another unit's organisation → 422", async (_n, c) => {
    const before = await written();
    const client = c.who === "office" ? office : ward;
    // The ward's own unit, with an organisation of phường Ngọc Thụy (or of the district's office).
    const foreign = { unitId: s.ward, organisationId: c.who === "ward" ? otherWardOrg : s.org.tnmt };
    const { method, url, body } = c.send(foreign);
    const res = await client.sendJson(method, url, body);
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json.error.fields[pathOf(c.field, "organisationId")]).toBe(
      "Tổ chức này không thuộc đơn vị đã chọn.",
    );
    expect(await written()).toEqual(before);
  });

  it.each(CASES.filter((c) => c.who === "office").map((c) => [c.name, c] as const))(
    "%s: a dissolved unit and its organisation → 422",
    async (_n, c) => {
      const before = await written();
      const { method, url, body } = c.send(gone);
      const res = await office.sendJson(method, url, body);
      expect(res.status).toBe(422);
      const json = await res.json();
      expect(json.error.fields[pathOf(c.field, "unitId")]).toMatch(/chỉ tồn tại đến ngày 30\/06\/2019/);
      expect(await written()).toEqual(before);
    },
  );

  it("the same pairs are fine on a date they existed (a session of 2019 with the dissolved ward)", async () => {
    const res = await office.sendJson(
      "POST",
      "/api/v1/sessions",
      session({
        startsAt: "2019-03-01T08:00:00+07:00",
        hostUnitId: gone.unitId,
        hostOrganisationId: gone.organisationId,
      }),
    );
    expect(res.status).toBe(201);
  });

  it("the HTML forms refuse a dissolved unit as a new lead, a child task's lead or a coordinator", async () => {
    const page = `/quan-tri/nhiem-vu/${directiveId}`;
    await office.page(page);
    const key = `o${gone.organisationId}`;
    for (const [path, fields] of [
      [`${page}/thao-tac`, { action: "reassign", newLead: key }],
      [
        `/quan-tri/nhiem-vu/${ownId}/nhiem-vu-con`,
        { title: "Việc con", lead: key, deadlineKind: "none", deadlineDate: "" },
      ],
      [`${page}/sua`, { coordinators: key, deadlineKind: "date", deadlineDate: "2020-03-31" }],
    ] as const) {
      const before = await written();
      const res = await office.postForm(path, fields);
      expect(res.status, path).toBe(422);
      const html = await res.text();
      expect(html.match(/error-summary.*?<\/ul>/s)?.[0]).toContain("chỉ tồn tại đến ngày 30/06/2019");
      expect(await written()).toEqual(before);
    }
  });
});
