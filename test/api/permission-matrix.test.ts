import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayOnPath, type Need } from "../../src/core/access/needs.js";
import { type Action, type Actor, can } from "../../src/core/access/policy.js";
import { insertDirective } from "../../src/directives/directives.repo.js";
import { insertFeedback } from "../../src/feedback/feedback.repo.js";
import { codeFromBytes } from "../../src/feedback/feedback-code.rules.js";
import { mayManageCatalogue } from "../../src/targets/catalogue/indicators.service.js";
import { solvedPow } from "../feedback/world.js";
import { ENGINES } from "../support/databases.js";
import { createUnit } from "../support/fixtures.js";
import {
  buildWorld,
  CALLERS,
  type Caller,
  created,
  RELATIONS,
  type Relation,
  send,
  TODAY,
  type World,
} from "./world.js";

/**
 * The permission matrix of every change the JSON API offers, checked against the central policy:
 * for each write operation of /api/openapi.json, each caller (anonymous, and a data officer,
 * department officer, leader and unit admin of the ward Thượng Thanh) and each target unit (the
 * ward itself, its sibling Ngọc Thụy, its parent the district, its child a residential group), the
 * answer the API gives must agree with `can` (policy.ts): 401 for anonymous, 403 or 404 when the
 * policy refuses, 2xx, 409 (a state the change does not apply to) or 422 when it allows.
 * An operation without a row here fails the test: a new endpoint must say who may call it.
 */

interface Request {
  path: string;
  body?: unknown;
}

interface Row {
  /** Does the policy let `actor` make this change on the target unit `rel`? */
  allowed: (actor: Actor, rel: Relation, w: World) => boolean;
  /** The request for target `rel`, after creating (as the system admin) what it changes. */
  request: (w: World, rel: Relation) => Promise<Request> | Request;
  /** Statuses that also count as "allowed" (the allowed caller before already deleted it). */
  alsoAllowed?: number[];
  /** Statuses that also count as a refusal (a field naming what the caller may not use). */
  alsoRefused?: number[];
  /** Mismatched pairs: the change must be refused whoever asks. */
  refusedForAll?: boolean;
  /** Open to anyone, signed in or not (a citizen's feedback): anonymous callers are allowed too. */
  open?: boolean;
  label?: string;
}

/** A feedback in the unit's queue, written directly (the public form's checks are not what is tested here). */
async function feedbackIn(w: World, unitId: number): Promise<string> {
  const code = codeFromBytes(randomBytes(32)) as string;
  await insertFeedback(w.db, {
    code,
    unitId,
    topic: "other",
    place: "Tổ dân phố 1",
    text: "Phản ánh thử quyền",
    senderName: null,
    senderContact: null,
    wantsReply: false,
    answerDue: "2020-01-16",
    senderKey: "matrix",
    now: new Date("2020-01-02T03:00:00Z"),
  });
  return code;
}

const pathOf = (w: World, unitId: number) => w.hierarchy.pathForToday(unitId, TODAY);

/** The policy's answer for `action` on the target unit. */
const policy =
  (action: Action, extra: Record<string, unknown> = {}) =>
  (actor: Actor, rel: Relation, w: World) =>
    can(actor, action, { unitPath: pathOf(w, w.units[rel]), ...extra }, TODAY);
/** On "a unit directly under" the target (emulation schemes are run from above: `belowTarget`). */
const policyBelow = (action: Action) => (actor: Actor, rel: Relation, w: World) =>
  can(actor, action, { unitPath: [0, ...pathOf(w, w.units[rel])] }, TODAY);
const need = (n: Need) => (actor: Actor, rel: Relation, w: World) =>
  mayOnPath(actor, n, pathOf(w, w.units[rel]), TODAY);

/** An organisation of a unit other than the target (the sibling's, or for the sibling the ward's). */
const foreignOrg = (w: World, rel: Relation) => w.orgs[rel === "sibling" ? "own" : "sibling"];

let serial = 0;
/** Schemes count down from 2015: one per unit and period, inside the wards' lifetime, before the demo's. */
let schemePeriods = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

// Request bodies, one recipe per kind of record, for a target unit.
const articleBody = (unitId: number) => ({
  title: `Tin ma trận ${unique()}`,
  bodyHtml: "<p>Nội dung</p>",
  unitId,
});
const indicatorBody = () => ({
  code: `MT_${unique()}`.slice(0, 40),
  name: "Chỉ tiêu thử quyền",
  field: "Kinh tế",
  unitOfMeasure: "%",
  valueType: "rate",
  direction: "higher_is_better",
  comparisonMode: "ratio",
  termAggregation: "mean",
});
const resultsBody = (unitId: number, periodKey = "2021") => ({
  unitId,
  periodKey,
  version: "final",
  values: [{ indicatorCode: "THU_NS", value: 12.5, source: null, note: null }],
});
const schemeBody = (ownerUnitId: number) => ({
  name: `Khối thi đua ${unique()}`,
  period: String(2015 - schemePeriods++),
  ownerUnitId,
  maxPoints: 100,
  criteria: [
    { code: "1", name: "Tiêu chí chấm tay", maxPoints: 50, kind: "manual" },
    { code: "2", name: "Tiêu chí để xóa", maxPoints: 50, kind: "manual" },
  ],
});
const sessionBody = (hostUnitId: number, extra: Record<string, unknown> = {}) => ({
  kind: "briefing",
  title: "Giao ban thử quyền",
  hostUnitId,
  startsAt: "2020-01-10T08:00:00+07:00",
  place: "Hội trường",
  chairName: "Nguyễn Văn Chủ Trì",
  ...extra,
});
const programBody = (ownerUnitId: number) => ({ ownerUnitId, year: 2020, title: "Làm việc thử quyền" });
const conclusionBody = (issuingUnitId: number) => ({
  number: `${serial++}-TB/MT`,
  issuedOn: "2020-01-02",
  issuingUnitId,
  issuingBody: "Ban thử quyền",
  placeName: "Long Biên",
  title: "Thông báo kết luận thử quyền",
  signerName: "Nguyễn Văn Ký",
  signerTitle: "Bí thư",
  items: [{ number: "1", area: "other", text: "Tiếp tục rà soát hồ sơ." }],
});
const directiveBody = (unitId: number, lead: Record<string, unknown> = { unitId }) => ({
  title: "Nhiệm vụ thử quyền",
  lead,
  deadline: { kind: "date", date: "2020-03-31" },
  assigningUnitId: unitId,
});
const documentBody = (unitId: number) => ({
  type: "plan",
  number: `${serial++}/KH-MT`,
  title: "Kế hoạch thử quyền",
  issuer: null,
  issuingBody: "Cơ quan bên ngoài thử quyền",
  unitId,
  issuedOn: "2020-01-02",
});
const proposalBody = (unitId: number, from: Record<string, unknown> = { unitId }) => ({
  from,
  topic: "Kiến nghị thử quyền",
  addressees: [{ unitId }],
});

/**
 * A unit dissolved before TODAY whose one successor is `successor`, with an open directive it led
 * (assigned by itself): an item waiting for hand-over to the target unit.
 */
async function waitingDirective(w: World, successor: number): Promise<number> {
  const gone = await createUnit(w.db, {
    name: `Phường cũ ${unique()}`,
    validFrom: "2003-11-06",
    validTo: "2019-12-31",
  });
  await w.db
    .insertInto("unit_successions")
    .values({
      from_unit_id: gone,
      to_unit_id: successor,
      effective_date: "2020-01-01",
      kind: "whole",
      population_share: null,
      area_share: null,
      legal_basis: "NQ thử quyền",
      note: null,
    })
    .execute();
  return insertDirective(w.db, {
    noticeId: null,
    itemId: null,
    parentId: null,
    proposalId: null,
    title: "Nhiệm vụ chờ bàn giao",
    lead: { unitId: gone, organisationId: null },
    coordinators: [],
    assigningUnitId: gone,
    assignerPersonId: null,
    assignerName: null,
    deadline: { kind: "none", date: null, phrase: null },
    createdBy: null,
    now: new Date(`${TODAY}T01:00:00Z`),
  });
}

async function resultIds(w: World, rel: Relation, steps: string[]): Promise<number[]> {
  // A year of its own per request, so no earlier step has moved these figures on.
  const period = String(2030 + serial++);
  const rows = await created<{ id: number }[]>(
    w,
    "POST",
    "/api/v1/results",
    resultsBody(w.units[rel], period),
  );
  const ids = rows.map((r) => r.id);
  for (const step of steps) await created(w, "POST", `/api/v1/results/${step}`, { ids });
  return ids;
}

/** A scheme run by `owner` (one per unit and period: each gets a period of its own). */
async function scheme(w: World, owner: number): Promise<{ id: number; criteria: number[] }> {
  const { id } = await created(w, "POST", "/api/v1/emulation/schemes", schemeBody(owner));
  const rows = await w.db
    .selectFrom("emulation_criteria")
    .select("id")
    .where("scheme_id", "=", id)
    .orderBy("id")
    .execute();
  return { id, criteria: rows.map((r) => r.id) };
}

const MATRIX: Record<string, Row | Row[]> = {
  "PATCH /api/v1/units/{id}": {
    allowed: policy("unit.update"),
    request: (w, rel) => ({ path: `/api/v1/units/${w.units[rel]}`, body: { phone: "024 3827 1234" } }),
  },
  "POST /api/v1/articles": {
    allowed: policy("article.create"),
    request: (w, rel) => ({ path: "/api/v1/articles", body: articleBody(w.units[rel]) }),
  },
  "PATCH /api/v1/articles/{id}": {
    allowed: policy("article.update", { ownerUserId: 0, status: "draft" }),
    request: async (w, rel) => {
      const a = await created(w, "POST", "/api/v1/articles", articleBody(w.units[rel]));
      return { path: `/api/v1/articles/${a.id}`, body: { title: "Tin đã sửa" } };
    },
  },
  "POST /api/v1/articles/{id}/review": {
    allowed: policy("article.publish"),
    request: async (w, rel) => {
      const a = await created(w, "POST", "/api/v1/articles", articleBody(w.units[rel]));
      return { path: `/api/v1/articles/${a.id}/review`, body: { action: "publish" } };
    },
  },
  "POST /api/v1/articles/{id}/revisions/{number}/restore": {
    allowed: policy("article.update", { ownerUserId: 0, status: "draft" }),
    request: async (w, rel) => {
      const a = await created(w, "POST", "/api/v1/articles", articleBody(w.units[rel]));
      await created(w, "PATCH", `/api/v1/articles/${a.id}`, { title: "Bản thứ hai" });
      return { path: `/api/v1/articles/${a.id}/revisions/1/restore` };
    },
  },
  // The catalogue is shared: the target unit does not matter, only whether the caller runs units.
  "POST /api/v1/indicators": {
    allowed: (actor, _rel, w) => mayManageCatalogue(actor, w.hierarchy, TODAY),
    request: () => ({ path: "/api/v1/indicators", body: indicatorBody() }),
  },
  "PUT /api/v1/indicators/{id}": {
    allowed: (actor, _rel, w) => mayManageCatalogue(actor, w.hierarchy, TODAY),
    request: async (w) => {
      const body = indicatorBody();
      const i = await created(w, "POST", "/api/v1/indicators", body);
      return { path: `/api/v1/indicators/${i.id}`, body: { ...body, name: "Chỉ tiêu đã sửa" } };
    },
  },
  "POST /api/v1/targets": {
    allowed: policy("target.manage"),
    request: async (w, rel) => {
      const i = await w.db
        .selectFrom("indicators")
        .select("id")
        .where("code", "=", "THU_NS")
        .executeTakeFirstOrThrow();
      return {
        path: "/api/v1/targets",
        body: { indicatorId: i.id, unitId: w.units[rel], periodKey: "2021", levelKind: "value", value: 40 },
      };
    },
  },
  "POST /api/v1/results": {
    allowed: policy("result.enter"),
    request: (w, rel) => ({ path: "/api/v1/results", body: resultsBody(w.units[rel]) }),
  },
  "POST /api/v1/results/submit": {
    allowed: policy("result.enter"),
    request: async (w, rel) => ({
      path: "/api/v1/results/submit",
      body: { ids: await resultIds(w, rel, []) },
    }),
  },
  "POST /api/v1/results/approve": {
    allowed: policy("result.approve"),
    request: async (w, rel) => ({
      path: "/api/v1/results/approve",
      body: { ids: await resultIds(w, rel, ["submit"]) },
    }),
  },
  "POST /api/v1/results/return": {
    allowed: policy("result.approve"),
    request: async (w, rel) => ({
      path: "/api/v1/results/return",
      body: { ids: await resultIds(w, rel, ["submit"]), reason: "Số liệu chưa khớp báo cáo" },
    }),
  },
  "POST /api/v1/results/reopen": {
    allowed: policy("result.approve"),
    request: async (w, rel) => ({
      path: "/api/v1/results/reopen",
      body: { ids: await resultIds(w, rel, ["submit", "approve"]), reason: "Cần điều chỉnh theo quyết toán" },
    }),
  },
  "POST /api/v1/dataValueSets": {
    allowed: policy("result.enter"),
    request: (w, rel) => ({
      path: "/api/v1/dataValueSets",
      body: { dataValues: [{ dataElement: "THU_NS", period: "2022", orgUnit: w.codes[rel], value: "7" }] },
    }),
  },
  // A unit outside the department's remit is refused on the entry's field (422) before the policy.
  "PUT /api/v1/assessments": [
    {
      allowed: policy("assessment.write"),
      alsoRefused: [422],
      request: (w, rel) => ({
        path: "/api/v1/assessments",
        body: {
          organisationId: w.wardDepartment,
          period: "2019",
          entries: [{ unitId: w.units[rel], score: 80 }],
        },
      }),
    },
    {
      label: "a department the officer does not work for",
      allowed: policy("assessment.write"),
      refusedForAll: true,
      request: async (w, rel) => {
        const other = await w.db
          .selectFrom("organisations")
          .select("id")
          .where("unit_id", "=", w.district)
          .where("kind", "=", "department")
          .orderBy("id")
          .executeTakeFirstOrThrow();
        return {
          path: "/api/v1/assessments",
          body: { organisationId: other.id, period: "2019", entries: [{ unitId: w.units[rel], score: 80 }] },
        };
      },
    },
  ],
  "POST /api/v1/emulation/schemes": {
    allowed: policyBelow("emulation.manage"),
    request: (w, rel) => ({ path: "/api/v1/emulation/schemes", body: schemeBody(w.units[rel]) }),
  },
  // The scored unit is the target; its scheme is run by the unit above it.
  "PUT /api/v1/emulation/schemes/{schemeId}/units/{unitId}/scores/{stage}": {
    allowed: policy("emulation.self_score"),
    alsoAllowed: [404],
    request: async (w, rel) => {
      const s = await scheme(w, w.parentOf[rel]);
      return {
        path: `/api/v1/emulation/schemes/${s.id}/units/${w.units[rel]}/scores/self`,
        body: { scores: [{ criterionId: s.criteria[0], points: 40, comment: "Tự chấm" }] },
      };
    },
  },
  "PUT /api/v1/emulation/schemes/{schemeId}/criteria/{criterionId}": {
    allowed: policyBelow("emulation.manage"),
    request: async (w, rel) => {
      const s = await scheme(w, w.units[rel]);
      return {
        path: `/api/v1/emulation/schemes/${s.id}/criteria/${s.criteria[0]}`,
        body: { code: "1", name: "Tiêu chí đã sửa", maxPoints: 50, kind: "manual", parentId: null },
      };
    },
  },
  "DELETE /api/v1/emulation/schemes/{schemeId}/criteria/{criterionId}": {
    allowed: policyBelow("emulation.manage"),
    alsoAllowed: [404],
    request: async (w, rel) => {
      const s = await scheme(w, w.units[rel]);
      return { path: `/api/v1/emulation/schemes/${s.id}/criteria/${s.criteria[1]}` };
    },
  },
  "PUT /api/v1/quality-ratings": {
    allowed: policy("emulation.council"),
    request: (w, rel) => ({
      path: "/api/v1/quality-ratings",
      body: {
        unitId: w.units[rel],
        year: "2019",
        score: 85,
        tasks: { total: 10, onTime: 8, exceeded: 2 },
        note: null,
      },
    }),
  },
  "POST /api/v1/award-proposals": {
    allowed: policy("award.propose"),
    request: (w, rel) => ({
      path: "/api/v1/award-proposals",
      body: {
        unitId: w.units[rel],
        year: "2019",
        title: "tap_the_lao_dong_tien_tien",
        basis: "Hoàn thành tốt nhiệm vụ năm 2019",
        proposingBody: "UBND quận Long Biên",
      },
    }),
  },
  "PATCH /api/v1/award-proposals/{id}": {
    allowed: policy("award.propose"),
    request: async (w, rel) => {
      const p = await created(w, "POST", "/api/v1/award-proposals", {
        unitId: w.units[rel],
        year: "2018",
        title: "tap_the_lao_dong_xuat_sac",
        basis: "Hoàn thành xuất sắc nhiệm vụ",
        proposingBody: "UBND quận Long Biên",
      });
      return { path: `/api/v1/award-proposals/${p.id}`, body: { status: "withdrawn" } };
    },
  },
  "POST /api/v1/sessions": [
    {
      allowed: need("session.manage"),
      request: (w, rel) => ({ path: "/api/v1/sessions", body: sessionBody(w.units[rel]) }),
    },
    {
      label: "host organisation of another unit",
      allowed: need("session.manage"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/sessions",
        body: sessionBody(w.units[rel], {
          hostOrganisationId: foreignOrg(w, rel),
        }),
      }),
    },
    {
      label: "an attendee's organisation of another unit",
      allowed: need("session.manage"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/sessions",
        body: sessionBody(w.units[rel], {
          attendees: [
            { name: "Trần Thị B", unitId: w.units[rel], organisationId: foreignOrg(w, rel), side: "host" },
          ],
        }),
      }),
    },
    {
      label: "visiting organisation of another unit",
      allowed: need("session.manage"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/sessions",
        body: sessionBody(w.ward, {
          visitingUnitId: w.units[rel],
          visitingOrganisationId: foreignOrg(w, rel),
        }),
      }),
    },
  ],
  "PUT /api/v1/sessions/{id}": {
    allowed: need("session.manage"),
    request: async (w, rel) => {
      const s = await created(w, "POST", "/api/v1/sessions", sessionBody(w.units[rel]));
      return {
        path: `/api/v1/sessions/${s.id}`,
        body: sessionBody(w.units[rel], { title: "Giao ban đã sửa" }),
      };
    },
  },
  "POST /api/v1/handovers": {
    allowed: policy("handover.decide"),
    request: async (w, rel) => {
      const id = await waitingDirective(w, w.units[rel]);
      const decision = {
        kind: "directive",
        id,
        action: "move",
        toUnitIds: [w.units[rel]],
        legalBasis: "NQ thử quyền",
      };
      return { path: "/api/v1/handovers", body: { decisions: [decision] } };
    },
  },
  // A citizen's feedback: anyone may send one (each request with its own proof of work); only wards
  // take them (422 elsewhere), a reused proof is refused (422), and the per-address limit may answer 429.
  "POST /api/v1/feedback": {
    open: true,
    allowed: () => true,
    alsoAllowed: [429],
    request: async (w, rel) => ({
      path: "/api/v1/feedback",
      body: {
        unitId: w.units[rel],
        topic: "environment",
        place: "Tổ dân phố 3",
        text: "Đèn chiếu sáng ngõ 5 hỏng đã một tuần.",
        consent: true,
        altcha: await solvedPow(w.clients.anonymous),
      },
    }),
  },
  "POST /api/v1/feedback/{code}/handling": {
    allowed: policy("feedback.handle"),
    request: async (w, rel) => ({
      path: `/api/v1/feedback/${await feedbackIn(w, w.units[rel])}/handling`,
      body: { state: "in_progress" },
    }),
  },
  "POST /api/v1/feedback/{code}/moderation": {
    allowed: policy("feedback.moderate"),
    request: async (w, rel) => ({
      path: `/api/v1/feedback/${await feedbackIn(w, w.units[rel])}/moderation`,
      body: { visibility: "hidden" },
    }),
  },
  // The library of the unit named (its office, or a unit above); an outside body's name, no issuer.
  "POST /api/v1/documents": {
    allowed: policy("document.manage"),
    request: (w, rel) => ({ path: "/api/v1/documents", body: documentBody(w.units[rel]) }),
  },
  "PATCH /api/v1/documents/{id}": {
    allowed: policy("document.manage"),
    // A private document: a caller who may not manage it does not see it (404).
    request: async (w, rel) => {
      const d = await created(w, "POST", "/api/v1/documents", documentBody(w.units[rel]));
      return { path: `/api/v1/documents/${d.id}`, body: { title: "Trích yếu đã sửa" } };
    },
  },
  "POST /api/v1/program-items": {
    allowed: need("session.manage"),
    request: (w, rel) => ({ path: "/api/v1/program-items", body: programBody(w.units[rel]) }),
  },
  "PUT /api/v1/program-items/{id}": {
    allowed: need("session.manage"),
    request: async (w, rel) => {
      const p = await created(w, "POST", "/api/v1/program-items", programBody(w.units[rel]));
      return {
        path: `/api/v1/program-items/${p.id}`,
        body: { ...programBody(w.units[rel]), plannedMonth: 5 },
      };
    },
  },
  // Reading a text into proposed items saves nothing: whoever may read the session's unit may ask.
  "POST /api/v1/conclusions/parse": {
    allowed: need("session.read"),
    request: async (w, rel) => {
      const s = await created(w, "POST", "/api/v1/sessions", sessionBody(w.units[rel]));
      return {
        path: "/api/v1/conclusions/parse",
        body: { text: "1. Tiếp tục rà soát hồ sơ đất đai tồn đọng.", sessionId: s.id },
      };
    },
  },
  "POST /api/v1/conclusions": [
    {
      allowed: need("directive.assign"),
      request: (w, rel) => ({ path: "/api/v1/conclusions", body: conclusionBody(w.units[rel]) }),
    },
    {
      label: "an item's lead organisation of another unit",
      allowed: need("directive.assign"),
      refusedForAll: true,
      request: (w, rel) => {
        const body = conclusionBody(w.units[rel]);
        const lead = { unitId: w.units[rel], organisationId: foreignOrg(w, rel) };
        const items = body.items.map((i) => ({ ...i, directives: [{ lead, deadline: { kind: "none" } }] }));
        return { path: "/api/v1/conclusions", body: { ...body, items } };
      },
    },
  ],
  "PUT /api/v1/conclusions/{id}": {
    allowed: need("directive.assign"),
    request: async (w, rel) => {
      const body = conclusionBody(w.units[rel]);
      const c = await created(w, "POST", "/api/v1/conclusions", body);
      const { issuingUnitId: _unit, ...rest } = body;
      return { path: `/api/v1/conclusions/${c.id}`, body: { ...rest, title: "Thông báo đã sửa" } };
    },
  },
  "PUT /api/v1/conclusions/{id}/publication": {
    allowed: need("directive.assign"),
    request: async (w, rel) => {
      const c = await created(w, "POST", "/api/v1/conclusions", conclusionBody(w.units[rel]));
      return { path: `/api/v1/conclusions/${c.id}/publication`, body: { showReports: true } };
    },
  },
  "DELETE /api/v1/conclusions/{id}/publication": {
    allowed: need("directive.assign"),
    request: async (w, rel) => {
      const c = await created(w, "POST", "/api/v1/conclusions", conclusionBody(w.units[rel]));
      await created(w, "PUT", `/api/v1/conclusions/${c.id}/publication`, {});
      return { path: `/api/v1/conclusions/${c.id}/publication` };
    },
  },
  "POST /api/v1/sessions/{id}/article-draft": {
    allowed: policy("article.draft_from_session"),
    request: async (w, rel) => {
      const held = { startsAt: "2019-12-20T08:00:00+07:00" };
      const s = await created(w, "POST", "/api/v1/sessions", sessionBody(w.units[rel], held));
      return { path: `/api/v1/sessions/${s.id}/article-draft` };
    },
  },
  "POST /api/v1/directives": [
    {
      allowed: need("directive.assign"),
      request: (w, rel) => ({ path: "/api/v1/directives", body: directiveBody(w.units[rel]) }),
    },
    {
      label: "lead organisation of another unit",
      allowed: need("directive.assign"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/directives",
        body: directiveBody(w.units[rel], { unitId: w.units[rel], organisationId: foreignOrg(w, rel) }),
      }),
    },
    {
      label: "coordinator organisation of another unit",
      allowed: need("directive.assign"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/directives",
        body: {
          ...directiveBody(w.units[rel]),
          coordinators: [{ unitId: w.units[rel], organisationId: foreignOrg(w, rel) }],
        },
      }),
    },
  ],
  // Changing a directive is the assigner's: confirm rights on the assigning unit.
  "PATCH /api/v1/directives/{id}": {
    allowed: need("directive.confirm"),
    request: async (w, rel) => {
      const d = await created(w, "POST", "/api/v1/directives", directiveBody(w.units[rel]));
      return { path: `/api/v1/directives/${d.id}`, body: { title: "Nhiệm vụ đã sửa" } };
    },
  },
  "POST /api/v1/directives/{id}/actions": {
    allowed: need("directive.confirm"),
    request: async (w, rel) => {
      const d = await created(w, "POST", "/api/v1/directives", directiveBody(w.units[rel]));
      return {
        path: `/api/v1/directives/${d.id}/actions`,
        body: { action: "pause", text: "Tạm dừng chờ vốn" },
      };
    },
  },
  // Progress is the lead unit's report (the task is one the unit gave itself).
  "POST /api/v1/directives/{id}/progress": {
    allowed: need("directive.report"),
    request: async (w, rel) => {
      const d = await created(w, "POST", "/api/v1/directives", directiveBody(w.units[rel]));
      return {
        path: `/api/v1/directives/${d.id}/progress`,
        body: { percent: 30, text: "Đã rà soát 30% hồ sơ" },
      };
    },
  },
  // The lead unit asks for a later deadline on a task the unit gave itself.
  "POST /api/v1/directives/{id}/extension-requests": {
    allowed: need("directive.request_extension"),
    request: async (w, rel) => {
      const d = await created(w, "POST", "/api/v1/directives", directiveBody(w.units[rel]));
      return {
        path: `/api/v1/directives/${d.id}/extension-requests`,
        body: { requestedDate: "2020-06-30", reason: "Chờ bố trí vốn" },
      };
    },
  },
  // The assigning unit decides a request (made by the system admin, who may not decide it).
  "POST /api/v1/directives/{id}/extension-requests/{requestId}/decision": {
    allowed: need("directive.decide_extension"),
    request: async (w, rel) => {
      const d = await created(w, "POST", "/api/v1/directives", directiveBody(w.units[rel]));
      const e = await created(w, "POST", `/api/v1/directives/${d.id}/extension-requests`, {
        requestedDate: "2020-06-30",
        reason: "Chờ bố trí vốn",
      });
      return {
        path: `/api/v1/directives/${d.id}/extension-requests/${e.id}/decision`,
        body: { decision: "granted", reason: "Đồng ý" },
      };
    },
  },
  "POST /api/v1/proposals": [
    {
      allowed: need("proposal.raise"),
      request: (w, rel) => ({ path: "/api/v1/proposals", body: proposalBody(w.units[rel]) }),
    },
    {
      label: "raising organisation of another unit",
      allowed: need("proposal.raise"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/proposals",
        body: proposalBody(w.units[rel], { unitId: w.units[rel], organisationId: foreignOrg(w, rel) }),
      }),
    },
    {
      label: "addressee organisation of another unit",
      allowed: need("proposal.raise"),
      refusedForAll: true,
      request: (w, rel) => ({
        path: "/api/v1/proposals",
        body: {
          ...proposalBody(w.units[rel]),
          addressees: [{ unitId: w.parentOf[rel], organisationId: foreignOrg(w, rel) }],
        },
      }),
    },
  ],
  "PUT /api/v1/proposals/{id}": {
    allowed: need("proposal.raise"),
    request: async (w, rel) => {
      const body = proposalBody(w.units[rel]);
      const p = await created(w, "POST", "/api/v1/proposals", body);
      return { path: `/api/v1/proposals/${p.id}`, body: { ...body, topic: "Kiến nghị đã sửa" } };
    },
  },
  "POST /api/v1/proposals/{id}/answer": {
    allowed: need("proposal.answer"),
    request: async (w, rel) => {
      const p = await created(w, "POST", "/api/v1/proposals", proposalBody(w.units[rel]));
      return {
        path: `/api/v1/proposals/${p.id}/answer`,
        body: { answer: "Đã tiếp thu, sẽ giải quyết trong quý I.", status: "answered" },
      };
    },
  },
  "POST /api/v1/proposals/{id}/directive": {
    allowed: need("directive.assign"),
    request: async (w, rel) => {
      const p = await created(w, "POST", "/api/v1/proposals", proposalBody(w.units[rel]));
      const { parentId: _p, ...body } = { ...directiveBody(w.units[rel]), parentId: null };
      return { path: `/api/v1/proposals/${p.id}/directive`, body };
    },
  },
};

const WRITE_METHODS = ["post", "put", "patch", "delete"];

function writeOperations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => WRITE_METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe.each(ENGINES)("permission matrix of the JSON API on %s", (engine) => {
  let w: World;
  let operations: string[];

  beforeAll(async () => {
    w = await buildWorld(engine);
    schemePeriods = 0;
    const doc = await (await w.t.app.request("/api/openapi.json")).json();
    operations = writeOperations(doc);
  }, 120_000);
  afterAll(() => w?.t.close());

  it("has a row for every write operation of the OpenAPI document, and none for a removed one", () => {
    expect(operations.length).toBeGreaterThan(30);
    const missing = operations.filter((op) => !(op in MATRIX));
    expect(missing.map((op) => `operation ${op} has no row in the permission matrix`)).toEqual([]);
    const stale = Object.keys(MATRIX).filter((op) => !operations.includes(op));
    expect(stale.map((op) => `row ${op} matches no operation of the document`)).toEqual([]);
  });

  // The keys are fixed at collection time; the document check above keeps them in step.
  it.each(Object.keys(MATRIX))(
    "%s answers as the policy decides",
    async (op) => {
      const [method = "", template] = op.split(" ");
      const rows = [MATRIX[op]].flat() as Row[];
      const wrong: string[] = [];
      for (const row of rows) {
        let allowedAndDone = 0;
        let allowedAtAll = 0;
        for (const rel of RELATIONS) {
          const { path, body } = await row.request(w, rel);
          for (const caller of CALLERS) {
            const actor = w.actors[caller];
            const allowed = row.open || (actor !== null && row.allowed(actor, rel, w));
            const { status, json } = await send(w.clients[caller], method, path, body);
            const expected = expectedStatuses(caller, allowed, row);
            if (allowed) allowedAtAll++;
            if (allowed && status >= 200 && status < 300) allowedAndDone++;
            if (!expected.ok(status)) {
              wrong.push(
                `${caller} on the ${rel} unit${row.label ? ` (${row.label})` : ""}: ${status}, expected ${expected.text} — ${JSON.stringify(json).slice(0, 200)}`,
              );
            }
          }
        }
        // The bodies must be good enough that an allowed caller gets through at least once: a row
        // whose every allowed answer is a 422 or 409 would hide a wrong refusal.
        if (allowedAtAll > 0 && allowedAndDone === 0 && !row.refusedForAll) {
          wrong.push(
            `no allowed caller got a 2xx${row.label ? ` (${row.label})` : ""}: fix the request bodies`,
          );
        }
      }
      expect(wrong, `${method} ${template}`).toEqual([]);
    },
    60_000,
  );
});

function expectedStatuses(
  caller: Caller,
  allowed: boolean,
  row: Row,
): { ok: (s: number) => boolean; text: string } {
  if (caller === "anonymous" && !row.open) return { ok: (s) => s === 401, text: "401" };
  // A pair the registry contradicts: refused whoever asks (a 403 when the caller may not use it at all).
  if (row.refusedForAll) {
    return { ok: (s) => s === 403 || s === 404 || s === 422, text: "403/404/422 (mismatched pair)" };
  }
  if (!allowed) {
    const also = row.alsoRefused ?? [];
    return { ok: (s) => s === 403 || s === 404 || also.includes(s), text: "403/404 (policy refuses)" };
  }
  const also = row.alsoAllowed ?? [];
  return {
    ok: (s) => (s >= 200 && s < 300) || s === 409 || s === 422 || also.includes(s),
    text: `2xx/409/422${also.length ? `/${also.join("/")}` : ""} (policy allows)`,
  };
}
