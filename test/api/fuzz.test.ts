import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases.js";
import { buildWorld, created, type World } from "./world.js";

/**
 * Every JSON change of /api/openapi.json, fuzzed on both engines: bodies generated from the
 * operation's requestBody schema, then broken (wrong types, missing and extra fields, NUL, lone
 * surrogates, ids at 0, −1, 2^31, 2^53, huge and non-finite numbers, impossible dates, empty and
 * invalid JSON, 1 MB strings). Whatever arrives, the answer is never a 5xx, and every 4xx carries the
 * documented `{ error: { code, message, fields? } }` in Vietnamese. Seeded and bounded: a failure
 * prints the seed-determined bodies that escaped.
 */

// Fixed for `npm test`; FUZZ_SEED and FUZZ_RUNS explore further by hand (FUZZ_RUNS=200 FUZZ_SEED=7).
const SEED = Number(process.env.FUZZ_SEED ?? 20_200_102);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 14);
const TIME_PER_OPERATION_MS = process.env.FUZZ_RUNS ? 60_000 : 6_000;

/** Zod's own English defaults ("Invalid input", "Too big: expected…", "Required"). */
const ENGLISH = /\b(Invalid|invalid|expected|Expected|Too (big|small)|received|Required|must be)\b/;
/** Vietnamese has letters English lacks: a message without one is not Vietnamese. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  nullable?: boolean;
};

interface Doc {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { schema: Schema }> }; responses?: Record<string, unknown> }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** Marks a leaf to be written raw into the JSON text (JSON.stringify cannot write 1e999). */
const RAW = "\u0001raw:";
const raw = (text: string) => `${RAW}${text}`;

const MEGABYTE = "ả".repeat(1 << 19);

/** Values that break a field: every one must be refused with a Vietnamese 422, never a 500. */
const hostileLeaf: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  true,
  "",
  "   ",
  "a\u0000b",
  "x\ud800y",
  "\udfff",
  0,
  -1,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1.5,
  1e308,
  -1e308,
  raw("1e999"),
  raw("-1e999"),
  raw("1e-400"),
  "2019-02-30",
  "2020-13-45",
  "2020-02-30T25:61:00+07:00",
  "0000-00-00",
  "NaN",
  "Infinity",
  "١٢٣",
  [],
  {},
  [null],
  { id: 1 },
  MEGABYTE,
);

function resolve(doc: Doc, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() ?? "";
    return resolve(doc, doc.components?.schemas?.[name] ?? {});
  }
  return schema;
}

/** An arbitrary of values the schema accepts (mostly): the starting point the mutations break. */
function fromSchema(doc: Doc, input: Schema, name = "", depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, input);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((s) => fromSchema(doc, s, name, depth)));
  if (schema.allOf?.length) return fromSchema(doc, schema.allOf[0] as Schema, name, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = schema.nullable || types.includes("null");
  const type = types.find((t) => t !== "null");
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case "object": {
        if (depth > 4) return fc.constant({});
        const properties = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(properties))
          record[key] = fromSchema(doc, value, key, depth + 1);
        return fc.record(record, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
      }
      case "array":
        return fc.array(fromSchema(doc, schema.items ?? {}, name, depth + 1), { maxLength: 3 });
      case "integer":
        // Ids of the demo world are small: most draws name a real unit, organisation or record.
        return /id$/i.test(name)
          ? fc.oneof(
              { weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) },
              { weight: 1, arbitrary: fc.integer() },
            )
          : fc.integer({
              min: Math.max(schema.minimum ?? -1000, -1e6),
              max: Math.min(schema.maximum ?? 1e6, 1e6),
            });
      case "number":
        return fc.oneof(
          fc.integer({ min: -1000, max: 1000 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        );
      case "boolean":
        return fc.boolean();
      case "string":
        if (schema.format === "date-time")
          return fc.constantFrom("2020-01-10T08:00:00+07:00", "2020-01-02T00:00:00Z", "2019-12-31T23:59:59Z");
        if (/date|due|issuedOn|from|to$/i.test(name) && !schema.pattern)
          return fc.constantFrom("2020-01-02", "2020-03-31", "2019-12-31", "31/12/2019");
        if (/period|year/i.test(name)) return fc.constantFrom("2019", "2020", "2020-2025", "2020Q1");
        if (schema.pattern) {
          try {
            return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 40 });
          } catch {
            // fall through to free text
          }
        }
        return fc.oneof(
          fc.constantFrom("Thượng Thanh", "Nội dung thử", "THU_NS", "00115", "1"),
          fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) }),
        );
      default:
        return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
    }
  })();
  return nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

/** Paths of every leaf (and object) in a JSON value, for the mutations to pick from. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === "object")
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

function setAt(value: unknown, path: (string | number)[], leaf: unknown, remove = false): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, leaf, remove);
  return copy;
}

type Mutation =
  | { kind: "none" }
  | { kind: "replace"; pick: number; leaf: unknown }
  | { kind: "remove"; pick: number }
  | { kind: "extra"; key: string; leaf: unknown }
  | { kind: "text"; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: "none" }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), leaf: hostileLeaf }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("extra" as const),
      key: fc.constantFrom("__proto__", "constructor", "id", "createdBy", "status", "x\u0000"),
      leaf: hostileLeaf,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("text" as const),
      text: fc.constantFrom(
        "",
        "{",
        "null",
        "[]",
        '"text"',
        "1e999",
        '{"a":',
        "\u0000",
        '{"x":"\\ud800"}',
        "{}{}",
      ),
    }),
  },
);

/** The body as JSON text, with the mutation applied (raw leaves written unquoted). */
function bodyText(valid: unknown, m: Mutation): string {
  if (m.kind === "text") return m.text;
  let value = valid;
  const paths = pathsOf(valid);
  if (m.kind === "replace") {
    const path = paths.length > 0 ? (paths[m.pick % paths.length] as (string | number)[]) : [];
    value = setAt(valid, path, m.leaf);
  } else if (m.kind === "remove" && paths.length > 0) {
    value = setAt(valid, paths[m.pick % paths.length] as (string | number)[], undefined, true);
  } else if (m.kind === "extra" && value && typeof value === "object" && !Array.isArray(value)) {
    value = { ...value, [m.key]: m.leaf };
  }
  return JSON.stringify(value).replace(new RegExp(`"${RAW}([^"]*)"`, "g"), "$1");
}

const HOSTILE_IDS = ["0", "-1", "2147483648", "9007199254740992", "abc", "1.5"];

/** A body each operation accepts in the demo world (as the system admin), to break one field at a time. */
function goodBody(op: string, w: World): unknown {
  const unitId = w.ward;
  const party = { unitId, organisationId: w.orgs.own };
  const directive = {
    title: "Nhiệm vụ thử",
    lead: party,
    coordinators: [{ unitId: w.child, organisationId: null }],
    deadline: { kind: "date", date: "2020-03-31", phrase: "trước 31/3/2020" },
    assigningUnitId: unitId,
    assignerName: "Nguyễn Văn A",
  };
  const session = {
    kind: "working_visit",
    title: "Làm việc với phường",
    hostUnitId: unitId,
    hostOrganisationId: w.orgs.own,
    visitingUnitId: w.district,
    visitingOrganisationId: w.orgs.parent,
    startsAt: "2020-01-10T08:00:00+07:00",
    endsAt: "2020-01-10T11:00:00+07:00",
    place: "Hội trường",
    chairName: "Nguyễn Văn A",
    attendees: [{ name: "Trần Thị B", title: "Chủ tịch", unitId, side: "host" }],
    agenda: [{ title: "Báo cáo kết quả năm 2019", presenter: "Trần Thị B" }],
    documents: [{ title: "Báo cáo đánh giá", kind: "evaluation", unitId, periodKey: "2019" }],
    opinions: [{ speakerName: "Lê Văn C", summary: "Đề nghị quận hỗ trợ kinh phí." }],
  };
  const indicator = {
    code: "FZ_1",
    name: "Chỉ tiêu thử",
    field: "Kinh tế",
    unitOfMeasure: "%",
    valueType: "rate",
    direction: "higher_is_better",
    comparisonMode: "ratio",
    termAggregation: "mean",
    definition: null,
    isPublic: true,
    sortOrder: 1,
  };
  const notice = {
    number: "2-TB/FZ",
    issuedOn: "2020-01-02",
    issuingBody: "Đảng ủy phường",
    placeName: "Thượng Thanh",
    title: "Thông báo kết luận",
    signerName: "Nguyễn Văn B",
    signerTitle: "Bí thư",
    items: [{ number: "1", area: "land", text: "Rà soát hồ sơ đất đai." }],
  };
  const goods: Record<string, unknown> = {
    "PATCH /api/v1/units/{id}": {
      address: "Số 1 phố Thượng Thanh",
      phone: "024 3827 1234",
      email: null,
      intro: null,
    },
    "POST /api/v1/articles": {
      title: "Tin thử",
      lead: "Tóm tắt",
      bodyHtml: "<p>Nội dung</p>",
      unitId,
      publishedAt: "2020-01-02T08:00:00+07:00",
      status: "draft",
      tags: ["giao ban"],
    },
    "PATCH /api/v1/articles/{id}": { title: "Tin đã sửa", tags: ["thử"] },
    "POST /api/v1/articles/{id}/review": { action: "submit", comment: "Xin duyệt" },
    "POST /api/v1/indicators": indicator,
    "PUT /api/v1/indicators/{id}": { ...indicator, code: "FZ_2" },
    "POST /api/v1/targets": { indicatorId: 1, unitId, periodKey: "2021", levelKind: "value", value: 40 },
    "POST /api/v1/results": {
      unitId,
      periodKey: "2021",
      version: "final",
      values: [{ indicatorCode: "THU_NS", value: 12.5, source: "Báo cáo", note: null }],
    },
    "POST /api/v1/results/submit": { ids: [1] },
    "POST /api/v1/results/approve": { ids: [1] },
    "POST /api/v1/results/return": { ids: [1], reason: "Chưa khớp" },
    "POST /api/v1/results/reopen": { ids: [1], reason: "Điều chỉnh" },
    "POST /api/v1/dataValueSets": {
      dataValues: [{ dataElement: "THU_NS", period: "2022", orgUnit: "00115", value: "7", comment: null }],
    },
    "PUT /api/v1/assessments": {
      organisationId: w.wardDepartment,
      period: "2019",
      entries: [{ unitId: w.child, score: 80, rank: 1, comment: "Tốt" }],
    },
    "POST /api/v1/emulation/schemes": {
      name: "Khối thử",
      period: "2032",
      ownerUnitId: w.district,
      maxPoints: 100,
      criteria: [
        { code: "1", name: "Nhóm", maxPoints: 100, kind: "group" },
        { code: "1.1", parentCode: "1", name: "Tiêu chí", maxPoints: 100, kind: "manual" },
      ],
    },
    "PUT /api/v1/emulation/schemes/{schemeId}/units/{unitId}/scores/{stage}": {
      scores: [{ criterionId: 1, points: 10, comment: null }],
    },
    "PUT /api/v1/emulation/schemes/{schemeId}/criteria/{criterionId}": {
      code: "1",
      name: "Tiêu chí",
      maxPoints: 100,
      kind: "manual",
      parentId: null,
    },
    "PUT /api/v1/quality-ratings": {
      unitId,
      year: "2019",
      score: 85,
      tasks: { total: 10, onTime: 8, exceeded: 2 },
      note: null,
    },
    "POST /api/v1/award-proposals": {
      unitId,
      year: "2018",
      title: "tap_the_lao_dong_xuat_sac",
      basis: "Hoàn thành xuất sắc",
      proposingBody: "UBND quận",
    },
    "PATCH /api/v1/award-proposals/{id}": { status: "approved" },
    "POST /api/v1/sessions": session,
    "PUT /api/v1/sessions/{id}": session,
    "POST /api/v1/documents": {
      type: "plan",
      number: "1/KH-FZ",
      title: "Kế hoạch thử",
      issuer: { unitId: w.ward, organisationId: null },
      issuedOn: "2020-01-02",
    },
    "PATCH /api/v1/documents/{id}": { title: "Trích yếu đã sửa" },
    "POST /api/v1/program-items": {
      ownerUnitId: unitId,
      year: 2020,
      title: "Làm việc",
      plannedMonth: 3,
      hostUnitId: null,
    },
    "PUT /api/v1/program-items/{id}": { ownerUnitId: unitId, year: 2020, title: "Làm việc", plannedMonth: 4 },
    "POST /api/v1/conclusions/parse": {
      text: "1. Tiếp tục rà soát hồ sơ đất đai trong năm 2020.",
      date: "2020-01-02",
    },
    "POST /api/v1/conclusions": {
      ...notice,
      issuingUnitId: unitId,
      items: [
        { ...notice.items[0], directives: [{ lead: party, deadline: { kind: "year", date: "2020-12-31" } }] },
      ],
    },
    "PUT /api/v1/conclusions/{id}": notice,
    "POST /api/v1/directives": directive,
    "PATCH /api/v1/directives/{id}": {
      title: "Nhiệm vụ đã sửa",
      deadline: { kind: "none" },
      coordinators: [],
    },
    "POST /api/v1/directives/{id}/actions": { action: "report_progress", text: "Đã làm", percent: 20 },
    "POST /api/v1/directives/{id}/progress": { percent: 30, text: "Đã rà soát 30% hồ sơ" },
    "POST /api/v1/proposals": {
      from: party,
      topic: "Kiến nghị thử",
      text: "Nội dung",
      answerDue: "2020-02-28",
      addressees: [{ unitId: w.district, organisationId: w.orgs.parent }],
    },
    "PUT /api/v1/proposals/{id}": {
      from: party,
      topic: "Kiến nghị đã sửa",
      answerDue: null,
      addressees: [{ unitId: w.district, organisationId: null }],
    },
    "POST /api/v1/proposals/{id}/answer": { answer: "Đã tiếp thu", status: "in_progress" },
    "POST /api/v1/proposals/{id}/directive": {
      title: "Nhiệm vụ từ kiến nghị",
      lead: { unitId: w.district },
      deadline: { kind: "quarter", date: "2020-03-31" },
      assigningUnitId: w.district,
    },
  };
  return goods[op];
}

function describeProblem(status: number, json: unknown): string | null {
  if (status >= 500) return `${status}`;
  if (status < 400) return null;
  const error = (json as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string")
    return `${status} without the documented error shape`;
  const messages = [error.message];
  if (error.fields !== undefined) {
    if (typeof error.fields !== "object" || error.fields === null)
      return `${status} with fields not an object`;
    for (const v of Object.values(error.fields)) {
      if (typeof v !== "string") return `${status} with a field message that is not text`;
      messages.push(v);
    }
  }
  const foreign = messages.find((m) => ENGLISH.test(m) || !VIETNAMESE.test(m));
  return foreign === undefined
    ? null
    : `${status} with a message not in Vietnamese: ${JSON.stringify(foreign)}`;
}

describe.each(ENGINES)("fuzzing every JSON change on %s", (engine) => {
  let w: World;
  let doc: Doc;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await buildWorld(engine);
    doc = (await (await w.t.app.request("/api/openapi.json")).json()) as Doc;
    // One real record of each kind, so path ids reach the code behind the 404.
    const ward = w.ward;
    const article = await created(w, "POST", "/api/v1/articles", {
      title: "Tin thử",
      bodyHtml: "<p>Nội dung</p>",
      unitId: ward,
    });
    const indicator = await w.db
      .selectFrom("indicators")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const { id: schemeId } = await created(w, "POST", "/api/v1/emulation/schemes", {
      name: "Khối thử",
      period: "2031",
      ownerUnitId: w.district,
      maxPoints: 100,
      criteria: [{ code: "1", name: "Tiêu chí", maxPoints: 100, kind: "manual" }],
    });
    const criterion = await w.db
      .selectFrom("emulation_criteria")
      .select("id")
      .where("scheme_id", "=", schemeId)
      .executeTakeFirstOrThrow();
    const award = await created(w, "POST", "/api/v1/award-proposals", {
      unitId: ward,
      year: "2019",
      title: "tap_the_lao_dong_tien_tien",
      basis: "Hoàn thành tốt nhiệm vụ",
      proposingBody: "UBND quận Long Biên",
    });
    const session = await created(w, "POST", "/api/v1/sessions", {
      kind: "briefing",
      title: "Giao ban",
      hostUnitId: ward,
      startsAt: "2020-01-10T08:00:00+07:00",
      place: "Hội trường",
      chairName: "Nguyễn Văn A",
    });
    const item = await created(w, "POST", "/api/v1/program-items", {
      ownerUnitId: ward,
      year: 2020,
      title: "Làm việc",
    });
    const notice = await created(w, "POST", "/api/v1/conclusions", {
      number: "1-TB/FZ",
      issuedOn: "2020-01-02",
      issuingUnitId: ward,
      issuingBody: "Đảng ủy phường",
      placeName: "Thượng Thanh",
      title: "Thông báo kết luận",
      signerName: "Nguyễn Văn B",
      signerTitle: "Bí thư",
      items: [{ number: "1", area: "other", text: "Rà soát hồ sơ." }],
    });
    const libraryDocument = await created(w, "POST", "/api/v1/documents", {
      type: "notice",
      number: "2-TB/FZ",
      title: "Văn bản thử",
      issuer: { unitId: ward, organisationId: null },
      issuedOn: "2020-01-02",
    });
    const directive = await created(w, "POST", "/api/v1/directives", {
      title: "Nhiệm vụ thử",
      lead: { unitId: ward },
      deadline: { kind: "none" },
      assigningUnitId: ward,
    });
    const proposal = await created(w, "POST", "/api/v1/proposals", {
      from: { unitId: ward },
      topic: "Kiến nghị thử",
      addressees: [{ unitId: w.district }],
    });
    Object.assign(ids, {
      "/api/v1/units/{id}": String(ward),
      "/api/v1/articles/{id}": String(article.id),
      "/api/v1/indicators/{id}": String(indicator.id),
      "/api/v1/award-proposals/{id}": String(award.id),
      "/api/v1/sessions/{id}": String(session.id),
      "/api/v1/program-items/{id}": String(item.id),
      "/api/v1/conclusions/{id}": String(notice.id),
      "/api/v1/directives/{id}": String(directive.id),
      "/api/v1/documents/{id}": String(libraryDocument.id),
      "/api/v1/proposals/{id}": String(proposal.id),
      schemeId: String(schemeId),
      criterionId: String(criterion.id),
      unitId: String(ward),
      stage: "self",
      number: "1",
    });
  }, 120_000);
  afterAll(() => w?.t.close());

  /**
   * Half the draws start from a body the operation accepts, so a single broken field travels past
   * the schema into the services and the database; the other half are generated from the schema.
   */
  function bodies(template: string, method: string, schema: Schema): fc.Arbitrary<unknown> {
    const generated = fromSchema(doc, schema);
    const good = goodBody(`${method.toUpperCase()} ${template}`, w);
    return good === undefined ? generated : fc.oneof(fc.constant(good), generated);
  }

  function realPath(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_all, name: string) => {
      const prefix = template.slice(0, template.indexOf(`{${name}}`) + name.length + 2);
      const key = Object.keys(ids).find((k) => k.startsWith("/") && prefix.endsWith(k));
      return (key ? ids[key] : ids[name]) ?? "1";
    });
  }

  // The escapes the fuzzing found, pinned so another seed or generator cannot lose them.
  it.each([
    ["a malformed JSON body", "POST", "/api/v1/directives", "{", 400],
    ["an empty body", "PUT", "/api/v1/assessments", "", 400],
    [
      "an unknown coordinating unit",
      "POST",
      "/api/v1/directives",
      '{"title":"X","lead":{"unitId":WARD},"coordinators":[{"unitId":999999}],"deadline":{"kind":"none"},"assigningUnitId":WARD}',
      422,
    ],
    [
      "an unknown assigner person",
      "POST",
      "/api/v1/directives",
      '{"title":"X","lead":{"unitId":WARD},"deadline":{"kind":"none"},"assigningUnitId":WARD,"assignerPersonId":999999}',
      422,
    ],
    [
      "an unknown responsible organisation",
      "POST",
      "/api/v1/indicators",
      '{"code":"FZ_ORG","name":"X","field":"Y","unitOfMeasure":"%","valueType":"rate","direction":"higher_is_better","comparisonMode":"ratio","termAggregation":"mean","responsibleOrganisationId":999999}',
      422,
    ],
  ])("answers %s with a Vietnamese %s", async (_what, method, url, text, status) => {
    const response = await w.admin.request(url, {
      method,
      body: text.replaceAll("WARD", String(w.ward)),
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-csrf-token": w.admin.csrfToken,
      },
    });
    const json = await response.json();
    expect(response.status).toBe(status);
    expect(describeProblem(response.status, json)).toBeNull();
  });

  it("covers every write operation of the document", () => {
    const count = Object.values(doc.paths)
      .flatMap((ops) => Object.keys(ops))
      .filter((m) => ["post", "put", "patch", "delete"].includes(m)).length;
    expect(count).toBeGreaterThan(30);
  });

  it("answers hostile bodies and ids without a 5xx, with Vietnamese errors in the documented shape", async () => {
    const escapes: string[] = [];
    // Statuses the document does not list for the operation: reported with FUZZ_REPORT=1, not failed on.
    const undocumented = new Set<string>();
    // Mostly the system admin, whom no rule stops before the input reaches the database; sometimes a
    // ward's data officer or unit admin, so refusals meet hostile input too.
    const callerArb = fc.constantFrom<"admin" | "ward_officer" | "unit_admin">(
      "admin",
      "admin",
      "ward_officer",
      "unit_admin",
    );
    let operations = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!["post", "put", "patch", "delete"].includes(method)) continue;
        operations++;
        const schema = op.requestBody?.content?.["application/json"]?.schema ?? { type: "object" };
        const path = realPath(template);
        const pathArb = template.includes("{")
          ? fc.oneof(
              { weight: 5, arbitrary: fc.constant(path) },
              {
                weight: 1,
                arbitrary: fc
                  .constantFrom(...HOSTILE_IDS)
                  .map((id) =>
                    template.replace(/\{(\w+)\}/, id).replace(/\{(\w+)\}/g, (_a, n: string) => ids[n] ?? "1"),
                  ),
              },
            )
          : fc.constant(path);
        await fc.assert(
          fc.asyncProperty(
            pathArb,
            bodies(template, method, schema),
            mutation,
            callerArb,
            async (url, valid, m, who) => {
              const text = bodyText(valid, m);
              const client = who === "admin" ? w.admin : w.clients[who];
              const response = await client.request(url, {
                method: method.toUpperCase(),
                body: text,
                headers: {
                  "content-type": "application/json",
                  accept: "application/json",
                  "x-csrf-token": client.csrfToken,
                },
              });
              const body = await response.text();
              if (!(String(response.status) in (op.responses ?? {}))) {
                undocumented.add(`${method.toUpperCase()} ${template} → ${response.status}`);
              }
              let json: unknown = null;
              try {
                json = JSON.parse(body);
              } catch {
                json = null;
              }
              const problem = describeProblem(response.status, json);
              if (problem) {
                escapes.push(
                  `${method.toUpperCase()} ${template} → ${problem} (as ${who}); url ${url}; body ${text.slice(0, 300)}; answer ${body.slice(0, 300)}`,
                );
              }
            },
          ),
          { seed: SEED, numRuns: RUNS_PER_OPERATION, interruptAfterTimeLimit: TIME_PER_OPERATION_MS },
        );
      }
    }
    expect(operations).toBeGreaterThan(30);
    if (process.env.FUZZ_REPORT) console.log([...undocumented].sort().join("\n"));
    expect(escapes).toEqual([]);
  }, 600_000);
});
