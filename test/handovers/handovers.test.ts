import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoIfEmpty } from "../../src/demo/demo-loader.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";
import { unitIdAt } from "../units/demo-app.js";

/** The demo as it stood ten days before the 2025 reorganisation; the clock then stands in December 2026. */
const DEMO_DATE = new Date("2025-06-20T02:00:00Z");
const TODAY = new Date("2026-12-07T03:00:00Z");
const NQ = "NQ 1656/NQ-UBTVQH15";

interface Item {
  kind: string;
  id: number;
  title: string;
  proposedSuccessors: { unitId: number; name: string }[];
}
interface Summary {
  total: number;
  overdue: number;
  awaitingHandover: number;
  byTimeliness: Record<string, number>;
}
interface FollowUp {
  total: Summary;
  groups: { key: string | null; label: string; summary: Summary }[];
}

describe.each(ENGINES)("hand-over of Thượng Thanh's open work on %s", (engine) => {
  let t: TestApp;
  let thuongThanh: number;
  let vietHung: number;
  let boDe: number;
  let phucLoi: number;
  let hanoi: number;
  const clients = new Map<string, TestClient>();

  async function as(username: string): Promise<TestClient> {
    const known = clients.get(username);
    if (known) return known;
    const client = new TestClient(t);
    await client.logIn(username);
    clients.set(username, client);
    return client;
  }

  async function json<T>(client: TestClient, url: string): Promise<{ status: number; body: T }> {
    const response = await client.request(url, { headers: { accept: "application/json" } });
    return { status: response.status, body: (await response.json()) as T };
  }

  const post = async (client: TestClient, body: unknown) => {
    const response = await client.sendJson("POST", "/api/v1/handovers", body);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const writes = async () => {
    const db = t.database.db;
    const [decisions, audits, directives] = await Promise.all([
      db.selectFrom("handover_decisions").select("id").execute(),
      db.selectFrom("audit_events").select("id").where("action", "like", "handover%").execute(),
      db.selectFrom("directives").select(["id", "lead_unit_id", "state"]).orderBy("id").execute(),
    ]);
    return { decisions: decisions.length, audits: audits.length, directives };
  };

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-handovers-"));
    t = await createTestApp(engine, { now: TODAY, config: { dataDir } });
    expect(await loadDemoIfEmpty(t.database, DEMO_DATE, path.join(dataDir, "media"))).toBe(true);
    const db = t.database.db;
    thuongThanh = await unitIdAt(db, "Thượng Thanh", "ward", "2020-01-02");
    vietHung = await unitIdAt(db, "Việt Hưng", "ward", "2026-01-01");
    boDe = await unitIdAt(db, "Bồ Đề", "ward", "2026-01-01");
    phucLoi = await unitIdAt(db, "Phúc Lợi", "ward", "2026-01-01");
    hanoi = await unitIdAt(db, "Hà Nội", "city", "2026-01-01");
    const admin = (unitId: number) => [{ role: "unit_admin" as const, unitId, validFrom: "2025-07-01" }];
    await createUser(db, { username: "qt.viethung", grants: admin(vietHung) });
    await createUser(db, { username: "qt.phucloi", grants: admin(phucLoi) });
    await createUser(db, { username: "qt.hanoi", grants: admin(hanoi) });
  }, 240_000);
  afterAll(() => t.close());

  it("lists Thượng Thanh's open directives with Việt Hưng and Bồ Đề proposed", async () => {
    const { status, body } = await json<{ data: Item[] }>(
      await as("qt.viethung"),
      `/api/v1/handovers?unit=${thuongThanh}`,
    );
    expect(status).toBe(200);
    const directives = body.data.filter((i) => i.kind === "directive");
    expect(directives.length).toBeGreaterThan(2);
    for (const item of body.data) {
      expect(Object.keys(item).sort()).toEqual(["fromUnit", "id", "kind", "proposedSuccessors", "title"]);
      expect(["directive", "proposal", "programme", "target"]).toContain(item.kind);
      expect(item.proposedSuccessors.map((s) => [s.unitId, s.name])).toEqual([
        [vietHung, "Phường Việt Hưng"],
        [boDe, "Phường Bồ Đề"],
      ]);
    }
    const open = await t.database.db
      .selectFrom("directives")
      .select("id")
      .where("lead_unit_id", "=", thuongThanh)
      .where("state", "not in", ["confirmed", "cancelled"])
      .execute();
    expect(directives.map((d) => d.id).sort()).toEqual(open.map((d) => d.id).sort());
    // A unit that still exists has nothing to hand over; an unknown one is not found; a malformed id is refused.
    const client = await as("qt.viethung");
    expect((await json(client, `/api/v1/handovers?unit=${vietHung}`)).body).toEqual({ data: [] });
    expect((await json(client, "/api/v1/handovers?unit=999999")).status).toBe(404);
    const bad = await json<{ error: { fields: Record<string, string> } }>(
      client,
      "/api/v1/handovers?unit=abc",
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["query.unit"]);
    expect((await new TestClient(t).request("/api/v1/handovers")).status).toBe(401);
  });

  it("refuses the queue and every decision to the admin of another ward, writing nothing", async () => {
    const other = await as("qt.phucloi");
    expect((await json(other, `/api/v1/handovers?unit=${thuongThanh}`)).status).toBe(403);
    const before = await writes();
    const item = (
      await json<{ data: Item[] }>(await as("qt.viethung"), `/api/v1/handovers?unit=${thuongThanh}`)
    ).body.data[0] as Item;
    for (const toUnitIds of [[vietHung], [phucLoi]]) {
      const { status } = await post(other, {
        decisions: [{ kind: item.kind, id: item.id, action: "move", toUnitIds, legalBasis: NQ }],
      });
      expect(status).toBe(403);
    }
    expect(await writes()).toEqual(before);
    // Việt Hưng's admin may not hand Bồ Đề work it did not ask for either.
    const { status } = await post(await as("qt.viethung"), {
      decisions: [{ kind: item.kind, id: item.id, action: "move", toUnitIds: [boDe], legalBasis: NQ }],
    });
    expect(status).toBe(403);
    // Nor put the province on the assigning side: only the province decides that.
    const province = await post(await as("qt.viethung"), {
      decisions: [
        {
          kind: item.kind,
          id: item.id,
          action: "move",
          toUnitIds: [vietHung],
          legalBasis: NQ,
          assigningUnitId: hanoi,
        },
      ],
    });
    expect(province.status).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it("lets the province take the assigning side when it decides", async () => {
    const client = await as("qt.hanoi");
    const queue = (await json<{ data: Item[] }>(client, `/api/v1/handovers?unit=${thuongThanh}`)).body.data;
    const item = queue.filter((i) => i.kind === "directive").at(-1) as Item;
    const { status } = await post(client, {
      decisions: [
        {
          kind: "directive",
          id: item.id,
          action: "move",
          toUnitIds: [boDe],
          legalBasis: NQ,
          assigningUnitId: hanoi,
        },
      ],
    });
    expect(status).toBe(200);
    const row = await t.database.db
      .selectFrom("directives")
      .select(["lead_unit_id", "assigning_unit_id"])
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lead_unit_id: boDe, assigning_unit_id: hanoi });
  });

  it("answers bad bodies with 422 and field paths, and writes nothing (all or nothing)", async () => {
    const client = await as("qt.hanoi");
    const items = (await json<{ data: Item[] }>(client, `/api/v1/handovers?unit=${thuongThanh}`)).body.data;
    const [a, b] = items.filter((i) => i.kind === "directive") as [Item, Item];
    const before = await writes();
    const cases: [unknown, string][] = [
      [{}, "body.decisions"],
      [{ decisions: [] }, "body.decisions"],
      [
        { decisions: [{ kind: "nope", id: a.id, action: "move", toUnitIds: [vietHung], legalBasis: NQ }] },
        "body.decisions.0.kind",
      ],
      [
        { decisions: [{ kind: "directive", id: a.id, action: "move", toUnitIds: [], legalBasis: NQ }] },
        "decisions.0.toUnitIds",
      ],
      [
        {
          decisions: [
            { kind: "directive", id: a.id, action: "move", toUnitIds: [vietHung], legalBasis: " " },
          ],
        },
        "decisions.0.legalBasis",
      ],
      [
        {
          decisions: [
            { kind: "directive", id: a.id, action: "split", toUnitIds: [vietHung], legalBasis: NQ },
          ],
        },
        "decisions.0.toUnitIds",
      ],
      [
        {
          decisions: [{ kind: "directive", id: a.id, action: "move", toUnitIds: [phucLoi], legalBasis: NQ }],
        },
        "decisions.0.toUnitIds",
      ],
      // The first decision is fine; the second names no waiting item, so neither is applied.
      [
        {
          decisions: [
            { kind: "directive", id: a.id, action: "move", toUnitIds: [vietHung], legalBasis: NQ },
            { kind: "directive", id: 999_999, action: "close", legalBasis: NQ },
          ],
        },
        "decisions.1.id",
      ],
      [
        {
          decisions: [
            {
              kind: "directive",
              id: b.id,
              action: "move",
              toUnitIds: [vietHung],
              legalBasis: NQ,
              assigningUnitId: phucLoi,
            },
          ],
        },
        "decisions.0.assigningUnitId",
      ],
    ];
    for (const [body, field] of cases) {
      const { status, body: answer } = await post(client, body);
      expect(status, JSON.stringify(body)).toBe(422);
      const fields = (answer.error as { fields: Record<string, string> }).fields;
      expect(Object.keys(fields), JSON.stringify(body)).toContain(field);
    }
    expect(await writes()).toEqual(before);
  });

  it("follows the directive due 30/09/2020 from Thượng Thanh to Việt Hưng: history, audit, follow-up", async () => {
    const db = t.database.db;
    const hanoi = await as("qt.hanoi");
    const directive = await db
      .selectFrom("directives")
      .select(["id", "assigning_unit_id"])
      .where("deadline_date", "=", "2020-09-30")
      .where("lead_unit_id", "=", thuongThanh)
      .executeTakeFirstOrThrow();
    const detail = async () =>
      (
        await json<{ data: { timeliness: string; daysOverdue: number; lead: { unitId: number } } }>(
          hanoi,
          `/api/v1/directives/${directive.id}`,
        )
      ).body.data;
    // Before: waiting for hand-over, not "quá hạn 2.259 ngày" against a ward that no longer exists.
    expect(await detail()).toMatchObject({ timeliness: "awaiting_handover", daysOverdue: 0 });
    const before = (await json<{ data: FollowUp }>(hanoi, "/api/v1/follow-up?by=lead")).body.data;
    expect(before.total.overdue).toBe(0);
    expect(before.total.awaitingHandover).toBeGreaterThan(0);
    expect(before.groups.some((g) => g.label === "Phường Việt Hưng")).toBe(false);
    const page = await hanoi.page("/quan-tri/theo-doi");
    expect(page.html).toContain("Chờ bàn giao");

    const { status, body } = await post(await as("qt.viethung"), {
      decisions: [
        { kind: "directive", id: directive.id, action: "move", toUnitIds: [vietHung], legalBasis: NQ },
      ],
    });
    expect(status).toBe(200);
    expect(body.data).toEqual([
      { kind: "directive", id: directive.id, action: "move", toUnitIds: [vietHung], newIds: [] },
    ]);

    const moved = await db
      .selectFrom("directives")
      .select(["lead_unit_id", "lead_organisation_id", "assigning_unit_id"])
      .where("id", "=", directive.id)
      .executeTakeFirstOrThrow();
    // The district that assigned it is gone too: the new ward takes the assigning side.
    expect(moved).toEqual({
      lead_unit_id: vietHung,
      lead_organisation_id: null,
      assigning_unit_id: vietHung,
    });
    const history = await (await as("qt.viethung")).page(`/quan-tri/nhiem-vu/${directive.id}`);
    expect(history.response.status).toBe(200);
    expect(history.html).toContain("Tiếp nhận từ phường Thượng Thanh (NQ 1656/NQ-UBTVQH15)");
    const audit = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "directive")
      .where("entity_id", "=", String(directive.id))
      .where("action", "=", "handover")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ unit_id: vietHung, actor_name: "qt.viethung (qt.viethung)" });
    expect(JSON.parse(audit[0]?.before_json ?? "{}")).toMatchObject({
      lead: thuongThanh,
      assigningUnitId: directive.assigning_unit_id,
    });
    expect(JSON.parse(audit[0]?.after_json ?? "{}")).toMatchObject({ lead: vietHung, legalBasis: NQ });
    const decision = await db
      .selectFrom("handover_decisions")
      .selectAll()
      .where("item_id", "=", directive.id)
      .execute();
    expect(decision).toMatchObject([
      {
        item_kind: "directive",
        item_id: directive.id,
        from_unit_id: thuongThanh,
        to_unit_id: vietHung,
        action: "move",
        legal_basis: NQ,
      },
    ]);

    // After: one fewer waiting, and the work is Việt Hưng's, late by its own deadline.
    const after = (await json<{ data: FollowUp }>(hanoi, "/api/v1/follow-up?by=lead")).body.data;
    expect(after.total.total).toBe(before.total.total);
    expect(after.total.awaitingHandover).toBe(before.total.awaitingHandover - 1);
    expect(after.groups.find((g) => g.label === "Phường Việt Hưng")?.summary).toMatchObject({
      total: 1,
      overdue: 1,
      awaitingHandover: 0,
    });
    expect(await detail()).toMatchObject({ timeliness: "overdue", lead: { unitId: vietHung } });
    const queue = (await json<{ data: Item[] }>(hanoi, `/api/v1/handovers?unit=${thuongThanh}`)).body.data;
    expect(queue.some((i) => i.kind === "directive" && i.id === directive.id)).toBe(false);
  });

  it("splits a directive between Việt Hưng and Bồ Đề, each new one linked to the original", async () => {
    const db = t.database.db;
    const hanoi = await as("qt.hanoi");
    const queue = (await json<{ data: Item[] }>(hanoi, `/api/v1/handovers?unit=${thuongThanh}`)).body.data;
    const item = queue.find((i) => i.kind === "directive") as Item;
    const { status, body } = await post(hanoi, {
      decisions: [
        { kind: "directive", id: item.id, action: "split", toUnitIds: [vietHung, boDe], legalBasis: NQ },
      ],
    });
    expect(status).toBe(200);
    const newIds = (body.data as { newIds: number[] }[])[0]?.newIds ?? [];
    expect(newIds).toHaveLength(2);
    const rows = await db
      .selectFrom("directives")
      .select(["id", "title", "lead_unit_id", "state"])
      .where("id", "in", [item.id, ...newIds])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.lead_unit_id, r.title])).toEqual([
      [thuongThanh, item.title],
      [vietHung, item.title],
      [boDe, item.title],
    ]);
    expect(rows[0]?.state).toBe("cancelled");
    const reports = await db
      .selectFrom("directive_reports")
      .select(["directive_id", "action", "text"])
      .where("directive_id", "in", [item.id, ...newIds])
      .where("action", "like", "handover%")
      .orderBy("id")
      .execute();
    expect(reports).toEqual([
      {
        directive_id: newIds[0],
        action: "handover",
        text: `Tiếp nhận từ phường Thượng Thanh (${NQ}); tách từ nhiệm vụ số ${item.id}`,
      },
      {
        directive_id: newIds[1],
        action: "handover",
        text: `Tiếp nhận từ phường Thượng Thanh (${NQ}); tách từ nhiệm vụ số ${item.id}`,
      },
      {
        directive_id: item.id,
        action: "handover_split",
        text: `Chia cho phường Việt Hưng, phường Bồ Đề (${NQ}): nhiệm vụ số ${newIds.join(", ")}`,
      },
    ]);
    const links = await db
      .selectFrom("handover_decisions")
      .select(["to_unit_id", "new_item_id", "action"])
      .where("item_id", "=", item.id)
      .orderBy("id")
      .execute();
    expect(links).toEqual([
      { to_unit_id: vietHung, new_item_id: newIds[0], action: "split" },
      { to_unit_id: boDe, new_item_id: newIds[1], action: "split" },
    ]);
    const audits = await db
      .selectFrom("audit_events")
      .select(["action", "entity_id"])
      .where("entity_type", "=", "directive")
      .where("entity_id", "in", [item.id, ...newIds].map(String))
      .where("at", "=", TODAY.toISOString())
      .orderBy("id")
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "create", "handover_split"]);
  });

  it("shows the queue on the page and closes an item from it, with the legal basis", async () => {
    const client = await as("qt.hanoi");
    const { html } = await client.page(`/quan-tri/ban-giao?don_vi=${thuongThanh}`);
    expect(html).toContain("Phường Thượng Thanh (đến 30/06/2025)");
    expect(html).toContain("Chuyển cho phường Việt Hưng (60% dân số)");
    const units = await client.page("/quan-tri/don-vi");
    expect(units.html).toContain(`/quan-tri/ban-giao?don_vi=${thuongThanh}`);
    const queue = (await json<{ data: Item[] }>(client, `/api/v1/handovers?unit=${thuongThanh}`)).body.data;
    const item = queue[queue.length - 1] as Item;
    const field = `quyet_dinh.${item.kind}.${item.id}`;
    const refused = await client.postForm("/quan-tri/ban-giao", {
      don_vi: String(thuongThanh),
      can_cu: "",
      [field]: "close",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Vui lòng ghi căn cứ pháp lý");
    const done = await client.postForm("/quan-tri/ban-giao", {
      don_vi: String(thuongThanh),
      can_cu: NQ,
      [field]: "close",
    });
    expect(done.status).toBe(303);
    const left = (await json<{ data: Item[] }>(client, `/api/v1/handovers?unit=${thuongThanh}`)).body.data;
    expect(left).toHaveLength(queue.length - 1);
    const cards = (
      await json<{ data: { cards: { key: string; count: number; href: string }[] } }>(
        client,
        "/api/v1/dashboard",
      )
    ).body.data.cards;
    const everywhere = (await json<{ data: Item[] }>(client, "/api/v1/handovers")).body.data;
    // Only Thượng Thanh had open work when the demo's wards ended: the whole queue is its own.
    expect(everywhere.map((i) => `${i.kind}:${i.id}`)).toEqual(left.map((i) => `${i.kind}:${i.id}`));
    expect(cards.find((c) => c.key === "handovers.waiting")).toEqual({
      key: "handovers.waiting",
      label: "Công việc chờ bàn giao",
      count: everywhere.length,
      href: "/quan-tri/ban-giao",
    });
  });
});
