/** The forms of deadline extensions on a directive's page: the lead unit's request, the assigner's decision. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { actorOf } from "../../core/http/actor.js";
import type { AppEnv } from "../../core/http/env.js";
import { ValidationError } from "../../core/http/errors.js";
import { formText, requireId } from "../../core/http/params.js";
import { orShow } from "../directive-pages.routes.js";
import { DIRECTIVES_HREF } from "../directives.views.js";
import { EXTENSION_DECISIONS, type ExtensionDecision } from "./extensions.rules.js";
import { decideExtensionRequest, requestExtension } from "./extensions.service.js";

const NOT_FOUND = "Không tìm thấy nhiệm vụ này.";

export function registerExtensionPages(app: OpenAPIHono<AppEnv>): void {
  app.post(`${DIRECTIVES_HREF}/:id/gia-han`, async (c) => {
    const id = requireId(c.req.param("id"), NOT_FOUND);
    return orShow(
      c,
      id,
      async () => {
        const body = await c.req.parseBody();
        await requestExtension(
          c.var.ctx.database.db,
          id,
          { requestedDate: formText(body, "requestedDate").trim(), reason: formText(body, "reason") },
          await actorOf(c),
        );
        return `${DIRECTIVES_HREF}/${id}?ok=gia-han`;
      },
      async () => "extension",
    );
  });

  app.post(`${DIRECTIVES_HREF}/:id/gia-han/:requestId`, async (c) => {
    const id = requireId(c.req.param("id"), NOT_FOUND);
    const requestId = requireId(c.req.param("requestId"), "Không tìm thấy đề nghị gia hạn này.");
    return orShow(
      c,
      id,
      async () => {
        const body = await c.req.parseBody();
        const decision = formText(body, "decision");
        if (!(EXTENSION_DECISIONS as readonly string[]).includes(decision))
          throw new ValidationError({ decisionReason: "Vui lòng chọn đồng ý hoặc không đồng ý gia hạn." });
        try {
          await decideExtensionRequest(
            c.var.ctx.database.db,
            id,
            requestId,
            { decision: decision as ExtensionDecision, reason: formText(body, "reason") },
            await actorOf(c),
          );
        } catch (error) {
          // The decision form's reason field is named apart from the request form's.
          if (error instanceof ValidationError && error.fields?.reason)
            throw new ValidationError({ decisionReason: error.fields.reason });
          throw error;
        }
        return `${DIRECTIVES_HREF}/${id}?ok=duyet-gia-han`;
      },
      async () => "extension",
    );
  });
}
