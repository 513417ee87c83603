/** The public pages: `/phan-anh` (Q&A list), `/phan-anh/gui` (the form), `/phan-anh/tra-cuu?ma=…` (following one). */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { AppError, NotFoundError, ValidationError } from "../core/http/errors.js";
import { type FormBody, formText } from "../core/http/params.js";
import { type AppCtx, clientIp, pageMeta, todayOf } from "../core/http/request.js";
import { listPublishedAnswers } from "./feedback.repo.js";
import { currentWards, type HumanProof, submitFeedback, trackFeedback } from "./feedback.service.js";
import { HONEYPOT_FIELD, parseSumAnswer } from "./feedback-abuse.rules.js";
import { createSumChallenge } from "./proof-of-work.js";
import {
  FeedbackFormPage,
  FeedbackHomePage,
  type FormValues,
  feedbackHead,
  TrackPage,
} from "./public-feedback.views.js";

export interface PublicFeedbackOptions {
  /**
   * The ward the form picks first: the site's own ward once the portal's site settings name it (the
   * composition root supplies it). Without it, `?don-vi=` or, when only one ward exists, that one.
   */
  defaultUnitId?: (c: AppCtx) => Promise<number | null>;
}

const EMPTY: FormValues = {
  unitId: "",
  topic: "",
  place: "",
  text: "",
  senderName: "",
  senderContact: "",
  wantsReply: false,
  consent: false,
};

function valuesOf(body: FormBody): FormValues {
  return {
    unitId: formText(body, "unitId"),
    topic: formText(body, "topic"),
    place: formText(body, "place"),
    text: formText(body, "text"),
    senderName: formText(body, "senderName"),
    senderContact: formText(body, "senderContact"),
    wantsReply: formText(body, "wantsReply") === "1",
    consent: formText(body, "consent") === "1",
  };
}

async function renderForm(
  c: AppCtx,
  values: FormValues,
  status: 200 | 422 | 429 = 200,
  errors?: Record<string, string>,
  message?: string,
) {
  const wards = await currentWards(c.var.ctx.database.db, todayOf(c));
  const sum = createSumChallenge(c.var.ctx.config.sessionSecret, c.var.ctx.now());
  return c.html(
    <FeedbackFormPage
      meta={pageMeta(c, "Gửi phản ánh, kiến nghị", { head: feedbackHead(true) })}
      csrfToken={c.var.auth.csrfToken}
      wards={wards}
      values={values}
      errors={errors}
      message={message}
      sum={sum}
    />,
    status,
  );
}

function photosOf(body: FormBody): File[] {
  const raw = body.photos;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
}

export function registerPublicFeedbackRoutes(
  app: OpenAPIHono<AppEnv>,
  options: PublicFeedbackOptions = {},
): void {
  app.get("/phan-anh", async (c) => {
    const answers = await listPublishedAnswers(c.var.ctx.database.db, { limit: 30 });
    return c.html(
      <FeedbackHomePage
        meta={pageMeta(c, "Phản ánh, kiến nghị", { head: feedbackHead(false) })}
        answers={answers}
      />,
    );
  });

  app.get("/phan-anh/gui", async (c) => {
    const wards = await currentWards(c.var.ctx.database.db, todayOf(c));
    const asked = c.req.query("don-vi");
    const fromSite = options.defaultUnitId ? await options.defaultUnitId(c) : null;
    const chosen =
      (asked && wards.some((w) => String(w.id) === asked) ? asked : null) ??
      (fromSite !== null ? String(fromSite) : null) ??
      (wards.length === 1 ? String(wards[0]?.id) : "");
    return renderForm(c, { ...EMPTY, unitId: chosen });
  });

  app.post("/phan-anh/gui", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const values = valuesOf(body);
    const pow = formText(body, "altcha");
    const proof: HumanProof = pow
      ? { kind: "pow", payload: pow }
      : {
          kind: "sum",
          token: formText(body, "sumToken"),
          answer: parseSumAnswer(formText(body, "sumAnswer")),
        };
    const photos = await Promise.all(
      photosOf(body).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    try {
      const code = await submitFeedback(
        c.var.ctx.database.db,
        {
          ...values,
          unitId: /^\d{1,9}$/.test(values.unitId) ? Number(values.unitId) : null,
          honeypot: formText(body, HONEYPOT_FIELD),
          proof,
          photos,
        },
        {
          dataDir: c.var.ctx.config.dataDir,
          sessionSecret: c.var.ctx.config.sessionSecret,
          now: c.var.ctx.now(),
          ip: clientIp(c),
        },
      );
      return c.redirect(`/phan-anh/tra-cuu?ma=${encodeURIComponent(code)}&moi=1`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 429)
        return renderForm(c, values, 429, undefined, error.message);
      if (error instanceof ValidationError || (error instanceof AppError && error.fields))
        return renderForm(c, values, 422, (error as AppError).fields);
      throw error;
    }
  });

  app.get("/phan-anh/tra-cuu", async (c) => {
    const typed = (c.req.query("ma") ?? "").trim();
    const meta = pageMeta(c, "Tra cứu phản ánh", { head: feedbackHead(false) });
    if (!typed) return c.html(<TrackPage meta={meta} code="" feedback={null} isNew={false} />);
    try {
      const feedback = await trackFeedback(c.var.ctx.database.db, typed);
      return c.html(
        <TrackPage meta={meta} code={feedback.code} feedback={feedback} isNew={c.req.query("moi") === "1"} />,
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return c.html(
        <TrackPage meta={meta} code={typed} feedback={null} isNew={false} error={error.message} />,
        404,
      );
    }
  });
}
