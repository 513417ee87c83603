import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Seeded, seedRegistry } from "../sessions/seed.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

/**
 * The document library on both engines: filing through the API (who may, what is refused and in which
 * words, the audit), the search by number and symbol that ignores accents, case and spaces, the filters,
 * what visitors see, the admin form with a PDF upload served to the public, and a notice published from
 * its page in one step, once.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");

describe.each(ENGINES)("the document library on %s", (engine) => {
  let t: TestApp;
  let s: Seeded;
  let office: TestClient;
  let ward: TestClient;
  let other: TestClient;
  let visitor: TestClient;

  const doc = (over: Record<string, unknown> = {}) => ({
    type: "notice",
    number: "136-TB/QU",
    title: "Kết luận của đồng chí Bí thư Quận ủy tại buổi làm việc với phường Thượng Thanh",
    issuer: { unitId: s.district, organisationId: s.org.quanUy },
    signerName: "Nguyễn Văn Yên",
    signerTitle: "Bí thư",
    issuedOn: "2020-01-05",
    isPublic: true,
    ...over,
  });

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-documents-"));
    t = await createTestApp(engine, { now: new Date("2020-01-10T03:00:00Z"), config: { dataDir } });
    s = await seedRegistry(t.database.db);
    await createUser(t.database.db, {
      username: "otheradmin",
      grants: [{ role: "unit_admin", unitId: s.otherWard }],
    });
    office = new TestClient(t);
    await office.logIn("office");
    ward = new TestClient(t, "203.0.113.8");
    await ward.logIn("ward");
    other = new TestClient(t, "203.0.113.9");
    await other.logIn("otheradmin");
    visitor = new TestClient(t, "203.0.113.10");
  }, 120_000);
  afterAll(() => t.close());

  it("files a document for the issuing unit's office, audited; a sibling ward is refused", async () => {
    const refused = await other.sendJson("POST", "/api/v1/documents", doc());
    expect(refused.status).toBe(403);
    const response = await office.sendJson("POST", "/api/v1/documents", doc());
    expect(response.status).toBe(201);
    const { data } = await response.json();
    expect(data).toMatchObject({
      number: "136-TB/QU",
      typeLabel: "Thông báo",
      issuingBody: "Quận ủy Long Biên",
      unitId: s.district,
      isPublic: true,
      url: `/van-ban/${data.id}`,
    });
    const audit = await t.database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "document")
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.unit_id])).toEqual([
      ["create", String(data.id), s.district],
    ]);
    expect(JSON.parse(audit[0]?.after_json ?? "{}").number).toBe("136-TB/QU");
  });

  it("refuses bad input field by field in Vietnamese, and a second 136-TB/QU of the same body and year", async () => {
    const bad = await office.sendJson(
      "POST",
      "/api/v1/documents",
      doc({ number: " ", issuedOn: "2020-02-30" }),
    );
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).error.fields;
    expect(fields["body.number"]).toBe("Không được để trống.");
    expect(fields["body.issuedOn"]).toMatch(/ngày có thật/);
    const outside = await office.sendJson(
      "POST",
      "/api/v1/documents",
      doc({ issuer: null, number: "1/KH-X" }),
    );
    expect(outside.status).toBe(422);
    expect((await outside.json()).error.fields).toMatchObject({
      issuingBody: "Chọn cơ quan ban hành, hoặc nhập tên cơ quan bên ngoài.",
      unitId: "Chọn đơn vị lưu văn bản này.",
    });
    const late = await office.sendJson(
      "POST",
      "/api/v1/documents",
      doc({ number: "2/TB", effectiveOn: "2020-01-01" }),
    );
    expect((await late.json()).error.fields.effectiveOn).toBe(
      "Ngày có hiệu lực không được trước ngày ban hành.",
    );
    const twice = await office.sendJson("POST", "/api/v1/documents", doc({ number: "136 - tb/qu" }));
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.fields.number).toMatch(/đã có trong thư viện/);
    const count = await t.database.db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("finds 136-TB/QU by its number typed any way, exact first, and filters by type, body and year", async () => {
    // An outside body's plan, filed by the ward; and a private report of the ward.
    const plan = await ward.sendJson("POST", "/api/v1/documents", {
      type: "plan",
      number: "1136/KH-UBND",
      title: "Kế hoạch tiếp công dân năm 2020",
      issuer: null,
      issuingBody: "UBND Thành phố Hà Nội",
      unitId: s.ward,
      issuedOn: "2020-01-08",
      isPublic: true,
    });
    expect(plan.status).toBe(201);
    const report = await ward.sendJson("POST", "/api/v1/documents", {
      type: "report",
      number: "05/BC-UBND",
      title: "Báo cáo nội bộ về đất đai",
      issuer: { unitId: s.ward, organisationId: s.org.ubndPhuong },
      issuedOn: "2019-12-20",
    });
    expect(report.status).toBe(201);
    const list = async (client: TestClient, query: string) => {
      const r = await client.request(`/api/v1/documents?${query}`, {
        headers: { accept: "application/json" },
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { data: { number: string }[] }).data.map((d) => d.number);
    };
    for (const q of ["136-tb/qu", "136 - TB/QU", "136-TB/QU"])
      expect(await list(visitor, `q=${encodeURIComponent(q)}`)).toEqual(["136-TB/QU"]);
    // "136" is part of both numbers and equal to neither: both are found, newest first.
    expect(await list(visitor, "q=136")).toEqual(["1136/KH-UBND", "136-TB/QU"]);
    expect(await list(visitor, `q=${encodeURIComponent("tiep cong dan")}`)).toEqual(["1136/KH-UBND"]);
    expect(await list(visitor, "q=quan%20uy%20long%20bien")).toEqual(["136-TB/QU"]);
    expect(await list(visitor, "type=plan")).toEqual(["1136/KH-UBND"]);
    expect(await list(visitor, `body=${encodeURIComponent("Quận ủy Long Biên")}`)).toEqual(["136-TB/QU"]);
    expect(await list(visitor, "year=2019")).toEqual([]);
    // The private report: its library's office sees it, visitors and the district's sibling do not.
    expect(await list(ward, "year=2019")).toEqual(["05/BC-UBND"]);
    expect(await list(other, "year=2019")).toEqual([]);
    const bad = await visitor.request("/api/v1/documents?year=20x", {
      headers: { accept: "application/json" },
    });
    expect(bad.status).toBe(422);
  });

  it("shows the public list and page with schema.org JSON-LD, and hides a private document", async () => {
    const { response, html } = await visitor.page(`/van-ban?q=${encodeURIComponent("136-tb/qu")}`);
    expect(response.status).toBe(200);
    expect(html).toContain("Thông báo số 136-TB/QU");
    expect(html).not.toContain("1136/KH-UBND");
    const id = (
      await t.database.db
        .selectFrom("documents")
        .select("id")
        .where("number", "=", "136-TB/QU")
        .executeTakeFirstOrThrow()
    ).id;
    const page = await visitor.page(`/van-ban/${id}`);
    const ld = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.html)?.[1] ?? "{}",
    );
    expect(ld).toMatchObject({
      "@type": "DigitalDocument",
      identifier: "136-TB/QU",
      dateCreated: "2020-01-05",
      author: { "@type": "GovernmentOrganization", name: "Quận ủy Long Biên" },
    });
    const report = await t.database.db
      .selectFrom("documents")
      .select("id")
      .where("number", "=", "05/BC-UBND")
      .executeTakeFirstOrThrow();
    expect((await visitor.request(`/van-ban/${report.id}`)).status).toBe(404);
    expect((await ward.request(`/van-ban/${report.id}`)).status).toBe(200);
    const atom = await (await visitor.request("/van-ban/atom.xml")).text();
    expect(atom).toContain("136-TB/QU: Kết luận của đồng chí Bí thư");
    expect(atom).not.toContain("05/BC-UBND");
  });

  it("files a document with a PDF on the admin form, serves it to anyone, and refuses a file that is no PDF", async () => {
    await ward.page("/quan-tri/van-ban/moi");
    const form = (file: Blob, name: string, number: string) => {
      const body = new FormData();
      body.set("_csrf", ward.csrfToken);
      body.set("type", "decision");
      body.set("number", number);
      body.set("title", "Quyết định thành lập Tổ công tác");
      body.set("issuer", `o${s.org.ubndPhuong}`);
      body.set("issuedOn", "2020-01-09");
      body.set("effectiveOn", "2020-01-09");
      body.set("isPublic", "1");
      body.set("files", file, name);
      return ward.request("/quan-tri/van-ban/moi", { method: "POST", body });
    };
    const refused = await form(new Blob([Buffer.from("not a pdf")]), "gia.pdf", "12/QĐ-UBND");
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Tệp “gia.pdf” không phải PDF hay Word (.docx).");
    expect(html).toContain('value="12/QĐ-UBND"');
    expect(
      await t.database.db.selectFrom("documents").select("id").where("number", "=", "12/QĐ-UBND").execute(),
    ).toEqual([]);
    const saved = await form(new Blob([PDF]), "quyet-dinh.pdf", "12/QĐ-UBND");
    expect(saved.status).toBe(303);
    const found = await visitor.request("/api/v1/documents?q=12%2Fqd-ubnd", {
      headers: { accept: "application/json" },
    });
    const [d] = (await found.json()).data;
    expect(d).toMatchObject({
      number: "12/QĐ-UBND",
      issuingBody: "UBND phường Thượng Thanh",
      type: "decision",
    });
    expect(d.files).toHaveLength(1);
    const file = await visitor.request(d.files[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const page = await visitor.page(d.url);
    expect(
      JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.html)?.[1] ?? "{}"),
    ).toMatchObject({
      "@type": "Legislation",
      legislationIdentifier: "12/QĐ-UBND",
      legislationDateOfApplicability: "2020-01-09",
    });
  });

  it("corrects a document by PATCH with before and after in the log; a sibling cannot", async () => {
    const id = (
      await t.database.db
        .selectFrom("documents")
        .select("id")
        .where("number", "=", "136-TB/QU")
        .executeTakeFirstOrThrow()
    ).id;
    expect((await other.sendJson("PATCH", `/api/v1/documents/${id}`, { title: "Sửa trộm" })).status).toBe(
      404,
    );
    const r = await office.sendJson("PATCH", `/api/v1/documents/${id}`, { effectiveOn: "2020-01-05" });
    expect(r.status).toBe(200);
    expect((await r.json()).data).toMatchObject({
      effectiveOn: "2020-01-05",
      issuingBody: "Quận ủy Long Biên",
    });
    const event = await t.database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "document")
      .where("action", "=", "update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.before_json ?? "{}").effectiveOn).toBeNull();
    expect(JSON.parse(event.after_json ?? "{}").effectiveOn).toBe("2020-01-05");
  });

  it("publishes a notice from its page in one step, once, with its Word file, audited", async () => {
    const created = await office.sendJson("POST", "/api/v1/conclusions", {
      number: "7-TB/QU",
      issuedOn: "2020-01-06",
      issuingUnitId: s.district,
      issuingBody: "QUẬN ỦY LONG BIÊN",
      placeName: "Long Biên",
      title: "Thông báo kết luận về công tác cải cách hành chính",
      signerName: "Nguyễn Văn Yên",
      signerTitle: "Bí thư",
      items: [{ number: "1", area: "other", text: "Tiếp tục rà soát thủ tục hành chính." }],
    });
    expect(created.status).toBe(201);
    const noticeId = (await created.json()).data.id;
    const before = await office.page(`/quan-tri/thong-bao-ket-luan/${noticeId}`);
    expect(before.html).toContain("Đăng lên thư viện văn bản");
    // The ward's office may not publish the district's notice (it cannot even read it).
    expect((await ward.postForm(`/quan-tri/thong-bao-ket-luan/${noticeId}/thu-vien`, {})).status).toBe(404);
    for (let i = 0; i < 2; i++) {
      const r = await office.postForm(`/quan-tri/thong-bao-ket-luan/${noticeId}/thu-vien`, {});
      expect(r.status).toBe(303);
    }
    const rows = await t.database.db
      .selectFrom("documents")
      .selectAll()
      .where("source_key", "=", `notice:${noticeId}`)
      .execute();
    expect(rows).toHaveLength(1);
    const d = rows[0];
    expect(d).toMatchObject({
      number: "7-TB/QU",
      issued_on: "2020-01-06",
      signer_name: "Nguyễn Văn Yên",
      issuing_body: "QUẬN ỦY LONG BIÊN",
      type: "notice",
      is_public: 1,
      unit_id: s.district,
    });
    const audits = await t.database.db
      .selectFrom("audit_events")
      .select("id")
      .where("entity_type", "=", "document")
      .where("entity_id", "=", String(d?.id))
      .execute();
    expect(audits).toHaveLength(1);
    const after = await office.page(`/quan-tri/thong-bao-ket-luan/${noticeId}`);
    expect(after.html).toContain(`href="/van-ban/${d?.id}"`);
    const api = await visitor.request(`/api/v1/documents/${d?.id}`, {
      headers: { accept: "application/json" },
    });
    const file = (await api.json()).data.files[0];
    expect(file.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const bytes = Buffer.from(await (await visitor.request(file.url)).arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.includes("word/document.xml", 0, "latin1")).toBe(true);
  });
});
