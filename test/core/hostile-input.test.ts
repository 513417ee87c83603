import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { TestClient } from "../support/http.js";
import { type LongBien, seedLongBien } from "../targets/seed.js";

/**
 * Input PostgreSQL cannot store (NUL in text, ids past its 32-bit integer) must be refused at the
 * edge with the same 404 or 422 on both engines, never reach the database as a 500.
 */

const NUL = "a\u0000b";
const BAD_IDS = ["2147483648", "9007199254740993", "-1", "0"];
const BAD_ID_NUMBERS = [2 ** 31, 2 ** 53, -1, 0];

interface Probe {
  method: string;
  path: string;
  body?: unknown;
  form?: Record<string, string>;
  /** The field path the 422 must name. */
  field?: string;
  /** A page that shows its chooser for an unusable filter: any answer but a 5xx will do. */
  lenient?: boolean;
}

function pathProbes(lb: LongBien): Probe[] {
  const templates = [
    "/api/v1/units/{}",
    "/api/v1/units/{}/evaluation?period=2019",
    "/api/v1/units/{}/assessments?period=2019",
    "/api/v1/articles/{}",
    "/api/v1/articles/{}/revisions",
    "/api/v1/directives/{}",
    "/api/v1/proposals/{}",
    "/api/v1/sessions/{}",
    "/api/v1/conclusions/{}",
    "/api/v1/indicators/{}",
    "/api/v1/emulation/schemes/{}/units/" + lb.thuongThanh + "/scores",
    "/don-vi/{}",
    "/don-vi/{}/danh-gia?ky=2019",
    "/don-vi/{}/gioi-thieu",
    "/du-lieu-mo/{}?ky=2019",
    "/quan-tri/don-vi/{}",
    "/quan-tri/bai-viet/{}",
    "/quan-tri/nhiem-vu/{}",
    "/quan-tri/kien-nghi/{}",
    "/quan-tri/buoi-lam-viec/{}",
    "/quan-tri/thong-bao-ket-luan/{}",
    "/quan-tri/chi-tieu/{}",
    "/quan-tri/so-lieu/{}/2019",
  ];
  return templates.flatMap((t) =>
    [...BAD_IDS, "1%00"].map((id) => ({ method: "GET", path: t.replace("{}", id) })),
  );
}

function queryProbes(lb: LongBien): Probe[] {
  const probes: Probe[] = [];
  for (const id of BAD_IDS) {
    probes.push(
      { method: "GET", path: `/api/v1/rankings?parent=${id}&period=2019`, field: "query.parent" },
      {
        method: "GET",
        path: `/api/v1/rankings?parent=${lb.district}&period=2019&cluster=${id}`,
        field: "query.cluster",
      },
      { method: "GET", path: `/api/v1/results?unit=${id}&period=2019`, field: "query.unit" },
      { method: "GET", path: `/api/v1/targets?unit=${id}&period=2019`, field: "query.unit" },
      { method: "GET", path: `/api/v1/search?q=ho&unitId=${id}`, field: "query.unitId" },
      { method: "GET", path: `/api/v1/proposals?unit=${id}`, field: "query.unit" },
      { method: "GET", path: `/api/v1/directives?unit=${id}`, field: "query.unit" },
      { method: "GET", path: `/api/v1/program-items?year=2020&unit=${id}`, field: "query.unit" },
      { method: "GET", path: `/quan-tri/xep-hang?don-vi=${id}&ky=2019` },
      { method: "GET", path: `/quan-tri/danh-gia?don-vi=${id}&ky=2019`, lenient: true },
      { method: "GET", path: `/tim-kiem?q=ho&don-vi=${id}` },
    );
  }
  const nulText = encodeURIComponent(NUL);
  probes.push(
    { method: "GET", path: `/api/v1/search?q=${nulText}`, field: "query.q" },
    { method: "GET", path: `/api/v1/units?q=${nulText}`, field: "query.q" },
    {
      method: "GET",
      path: `/api/v1/units/${lb.thuongThanh}/evaluation?period=${nulText}`,
      field: "query.period",
    },
    {
      method: "GET",
      path: `/api/v1/results?unit=${lb.thuongThanh}&period=${nulText}`,
      field: "query.period",
    },
    { method: "GET", path: `/tim-kiem?q=${nulText}`, field: "query.q" },
    { method: "GET", path: `/tin-tuc/${nulText}` },
    { method: "GET", path: `/chuyen-muc/${nulText}` },
    { method: "GET", path: `/du-lieu-mo/${lb.thuongThanh}?ky=${nulText}`, field: "query.ky" },
  );
  return probes;
}

function bodyProbes(lb: LongBien): Probe[] {
  const article = { title: "Tin thử", bodyHtml: "<p>Nội dung</p>", unitId: lb.thuongThanh };
  const batch = {
    unitId: lb.thuongThanh,
    periodKey: "2020",
    version: "final",
    values: [{ indicatorCode: "THU_NS", value: 1, source: null, note: null }],
  };
  const probes: Probe[] = [];
  for (const id of BAD_ID_NUMBERS) {
    probes.push(
      {
        method: "POST",
        path: "/api/v1/articles",
        body: { ...article, categoryId: id },
        field: "body.categoryId",
      },
      { method: "POST", path: "/api/v1/articles", body: { ...article, unitId: id }, field: "body.unitId" },
      {
        method: "POST",
        path: "/api/v1/articles",
        body: { ...article, sessionIds: [id] },
        field: "body.sessionIds",
      },
      { method: "POST", path: "/api/v1/results", body: { ...batch, unitId: id }, field: "body.unitId" },
      { method: "POST", path: "/api/v1/results/submit", body: { ids: [id] }, field: "body.ids" },
      {
        method: "POST",
        path: "/api/v1/targets",
        body: { indicatorId: id, unitId: lb.thuongThanh, periodKey: "2020", levelKind: "value", value: 1 },
        field: "body.indicatorId",
      },
      {
        method: "POST",
        path: "/api/v1/program-items",
        body: { ownerUnitId: id, year: 2020, title: "Làm việc" },
        field: "body.ownerUnitId",
      },
    );
  }
  probes.push(
    { method: "POST", path: "/api/v1/articles", body: { ...article, title: NUL }, field: "body.title" },
    {
      method: "POST",
      path: "/api/v1/articles",
      body: { ...article, tags: ["x", NUL] },
      field: "body.tags.1",
    },
    {
      method: "POST",
      path: "/api/v1/articles",
      body: { ...article, title: "a\ud800b" },
      field: "body.title",
    },
    {
      method: "PATCH",
      path: `/api/v1/units/${lb.thuongThanh}`,
      body: { address: NUL },
      field: "body.address",
    },
    {
      method: "POST",
      path: "/api/v1/results",
      body: { ...batch, values: [{ ...batch.values[0], source: NUL }] },
      field: "body.values.0.source",
    },
    {
      method: "POST",
      path: `/quan-tri/don-vi/${lb.thuongThanh}`,
      form: { address: NUL, phone: "", email: "", intro: "" },
      field: "body.address",
    },
    {
      method: "POST",
      path: "/quan-tri/bai-viet/moi",
      form: { title: NUL, bodyHtml: "<p>x</p>" },
      field: "body.title",
    },
    ...BAD_IDS.map((id) => ({
      method: "POST",
      path: "/quan-tri/nguoi-dung",
      form: {
        username: "moi",
        displayName: "Mới",
        password: "mat-khau-rat-dai-123",
        role: "data_officer",
        unitId: id,
      },
    })),
    ...BAD_IDS.map((id) => ({ method: "POST", path: `/quan-tri/tai-khoan/ma-api/${id}/thu-hoi`, form: {} })),
  );
  return probes;
}

describe.each(ENGINES)("hostile input on %s", (engine) => {
  let t: TestApp;
  let lb: LongBien;
  let admin: TestClient;
  let logged: ReturnType<typeof vi.fn>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    lb = await seedLongBien(t.database.db, { demo: true });
    admin = new TestClient(t);
    await admin.logIn("admin");
    logged = vi.fn();
    t.ctx.logger.error = logged as never;
    t.ctx.logger.warn = logged as never;
  });
  afterAll(() => t.close());

  async function send(p: Probe): Promise<Response> {
    if (p.form) return admin.postForm(p.path, p.form);
    if (p.body !== undefined) return admin.sendJson(p.method, p.path, p.body);
    return admin.request(p.path, {
      headers: { accept: p.path.startsWith("/api/") ? "application/json" : "text/html" },
    });
  }

  const check = async (probes: Probe[]) => {
    const failures: string[] = [];
    for (const p of probes) {
      const response = await send(p);
      const text = await response.text();
      const describe = `${p.method} ${p.path} ${JSON.stringify(p.body ?? p.form ?? "")} → ${response.status}`;
      const accepted = p.lenient ? response.status < 500 : [404, 422].includes(response.status);
      if (!accepted) failures.push(`${describe} ${text.slice(0, 200)}`);
      else if (p.field && response.status === 422 && p.path.startsWith("/api/")) {
        const fields =
          (JSON.parse(text) as { error: { fields?: Record<string, string> } }).error.fields ?? {};
        const named = Object.keys(fields).some((k) => k === p.field || k.startsWith(`${p.field}.`));
        if (!named) failures.push(`${describe} lacks ${p.field}: ${JSON.stringify(fields)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
  };

  it("answers bad ids in paths with 404 or 422", async () => check(pathProbes(lb)));
  it("answers bad ids and NUL in query strings with 404 or 422 naming the parameter", async () =>
    check(queryProbes(lb)));
  it("answers bad ids and unstorable text in bodies with 422 naming the field", async () =>
    check(bodyProbes(lb)));
});
