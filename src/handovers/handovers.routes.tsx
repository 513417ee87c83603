/** The hand-over page (`/quan-tri/ban-giao`) and the registration of the room's API. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../core/http/actor.js";
import type { AppEnv } from "../core/http/env.js";
import { type FieldErrors, ValidationError } from "../core/http/errors.js";
import { type FormBody, formText, idParam } from "../core/http/params.js";
import { pageMeta } from "../core/http/request.js";
import { listHandoverQueue } from "./handover-queue.service.js";
import { registerHandoversApi } from "./handovers.api.js";
import type { HandoverDecision, QueueItem } from "./handovers.model.js";
import { applyHandoverDecisions } from "./handovers.service.js";
import { decisionField, HANDOVERS_HREF, HandoverPage } from "./handovers.views.js";

/** The decisions chosen on the form, with the field each came from (for errors). */
function decisionsOf(
  body: FormBody,
  items: QueueItem[],
  legalBasis: string,
): { decisions: HandoverDecision[]; fields: string[]; chosen: Record<string, string> } {
  const decisions: HandoverDecision[] = [];
  const fields: string[] = [];
  const chosen: Record<string, string> = {};
  for (const item of items) {
    const field = decisionField(item);
    const value = formText(body, field);
    if (!value) continue;
    chosen[field] = value;
    const move = /^move:(\d+)$/.exec(value);
    const base = { kind: item.kind, id: item.id, legalBasis };
    if (move) decisions.push({ ...base, action: "move", toUnitIds: [Number(move[1])] });
    else if (value === "split")
      decisions.push({ ...base, action: "split", toUnitIds: item.proposedSuccessors.map((s) => s.unitId) });
    else if (value === "close") decisions.push({ ...base, action: "close", toUnitIds: [] });
    else continue;
    fields.push(field);
  }
  return { decisions, fields, chosen };
}

/** Field paths of the service (`decisions.3.toUnitIds`) as the form's fields. */
function formErrors(errors: FieldErrors, fields: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^decisions\.(\d+)\.(\w+)$/.exec(path);
    if (m?.[2] === "legalBasis") out.can_cu ??= message;
    else if (m) out[fields[Number(m[1])] ?? "decisions"] ??= message;
    else out[path] ??= message;
  }
  return out;
}

function defaultLegalBasis(items: QueueItem[]): string {
  return items.flatMap((i) => i.proposedSuccessors).find((s) => s.legalBasis)?.legalBasis ?? "";
}

export function registerHandoverRoutes(app: OpenAPIHono<AppEnv>): void {
  registerHandoversApi(app);

  app.get(HANDOVERS_HREF, async (c) => {
    const ctx = await actorOf(c);
    const unitId = idParam(c.req.query("don_vi"));
    const items = await listHandoverQueue(c.var.ctx.database.db, unitId === null ? {} : { unitId }, ctx);
    const saved = idParam(c.req.query("da_luu"));
    return c.html(
      <HandoverPage
        meta={pageMeta(c, "Bàn giao công việc")}
        items={items}
        unitId={unitId}
        legalBasis={defaultLegalBasis(items)}
        chosen={{}}
        errors={{}}
        saved={saved}
      />,
    );
  });

  app.post(HANDOVERS_HREF, async (c) => {
    const ctx = await actorOf(c);
    const db = c.var.ctx.database.db;
    const body = await c.req.parseBody();
    const unitId = idParam(formText(body, "don_vi"));
    const items = await listHandoverQueue(db, unitId === null ? {} : { unitId }, ctx);
    const legalBasis = formText(body, "can_cu").trim();
    const { decisions, fields, chosen } = decisionsOf(body, items, legalBasis);
    try {
      const applied = await applyHandoverDecisions(db, decisions, ctx);
      const back =
        unitId === null ? `?da_luu=${applied.length}` : `?don_vi=${unitId}&da_luu=${applied.length}`;
      return c.redirect(`${HANDOVERS_HREF}${back}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = formErrors(error.fields ?? {}, fields);
      return c.html(
        <HandoverPage
          meta={pageMeta(c, "Bàn giao công việc")}
          items={items}
          unitId={unitId}
          legalBasis={legalBasis}
          chosen={chosen}
          errors={errors}
          saved={null}
        />,
        422,
      );
    }
  });
}
