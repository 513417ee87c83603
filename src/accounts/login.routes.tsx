import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";
import { AppError, TooManyRequestsError } from "../core/http/errors.js";
import { clientIp, pageMeta } from "../core/http/request.js";
import { clearSessionCookie, setSessionCookie } from "./auth.middleware.js";
import { logIn, logOut, SESSION_TTL_MS } from "./auth.service.js";
import { knownUsernames, rememberDevice } from "./known-device.js";
import { LoginPage } from "./login.views.js";
import { safeNext } from "./login-redirect.rules.js";

export function registerLoginRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/dang-nhap", (c) => {
    const next = safeNext(c.req.query("next"), c.var.ctx.config.publicBaseUrl);
    if (c.var.auth.actor) return c.redirect(next);
    return c.html(<LoginPage meta={pageMeta(c, "Đăng nhập")} next={next} />);
  });

  app.post("/dang-nhap", async (c) => {
    const body = await c.req.parseBody();
    const username = typeof body.username === "string" ? body.username : "";
    const password = typeof body.password === "string" ? body.password : "";
    const next = safeNext(body.next, c.var.ctx.config.publicBaseUrl);
    const errors: Record<string, string> = {};
    if (!username.trim()) errors.username = "Vui lòng nhập tên đăng nhập.";
    if (!password) errors.password = "Vui lòng nhập mật khẩu.";
    if (Object.keys(errors).length > 0) {
      return c.html(
        <LoginPage meta={pageMeta(c, "Đăng nhập")} next={next} username={username} errors={errors} />,
        422,
      );
    }
    try {
      const { cookieValue, actor } = await logIn(c.var.ctx.database.db, {
        username,
        password,
        ip: clientIp(c),
        userAgent: c.req.header("user-agent") ?? null,
        knownUsernames: knownUsernames(c),
        now: c.var.ctx.now(),
      });
      setSessionCookie(c, cookieValue, SESSION_TTL_MS / 1000);
      rememberDevice(c, actor.username);
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 422 && error.status !== 429)) throw error;
      if (error instanceof TooManyRequestsError) c.header("Retry-After", String(error.retryAfterSeconds));
      return c.html(
        <LoginPage
          meta={pageMeta(c, "Đăng nhập")}
          next={next}
          username={username}
          errors={error.fields}
          message={error.status === 429 ? error.message : undefined}
        />,
        error.status,
      );
    }
  });

  app.post("/dang-xuat", async (c) => {
    const { sessionId, actor } = c.var.auth;
    if (sessionId) await logOut(c.var.ctx.database.db, sessionId, actor, clientIp(c), c.var.ctx.now());
    clearSessionCookie(c);
    return c.redirect("/", 303);
  });
}
