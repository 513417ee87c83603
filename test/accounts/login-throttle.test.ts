import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLoginAttempt } from "../../src/accounts/login-attempts.repo.js";
import { MAX_FAILURES_PER_ADDRESS, USERNAME_FREE_FAILURES } from "../../src/accounts/login-throttle.rules.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser, FIXTURE_PASSWORD } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

const RIGHT = FIXTURE_PASSWORD;

describe.each(ENGINES)("the login throttle on %s", (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const username of ["canbo", "chamchi", "lanhdao", "vanthu", "dongthoi"])
      await createUser(t.database.db, { username });
  });
  afterAll(() => t.close());

  const later = (seconds: number) => t.setNow(new Date(t.ctx.now().getTime() + seconds * 1000));
  const logIn = (client: TestClient, username: string, password: string) =>
    client.postForm("/dang-nhap", { username, password });

  /** A login post from a fresh browser at `ip` carrying exactly these extra cookies. */
  async function logInWithCookies(ip: string, cookies: string, username: string): Promise<Response> {
    const client = new TestClient(t, ip);
    await client.page("/dang-nhap");
    return t.app.request("/dang-nhap", {
      method: "POST",
      body: new URLSearchParams({ _csrf: client.csrfToken, username, password: RIGHT }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": ip,
        cookie: `gb_csrf=${client.csrfToken}; ${cookies}`,
      },
    });
  }

  it("never lets an attacker at one address keep the user at another address out", async () => {
    const attacker = new TestClient(t, "198.51.100.10");
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await logIn(attacker, "canbo", `doan-${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([422, 422, 422]);
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
    // The attacker keeps at it for two hours, at the pace the delays allow.
    for (let i = 0; i < 8; i++) {
      later(15 * 60);
      expect((await logIn(attacker, "canbo", `doan-tiep-${i}`)).status).toBe(422);
    }
    const user = new TestClient(t, "203.0.113.20");
    expect((await logIn(user, "canbo", RIGHT)).status).toBe(303);
    // Even right after a failure at the attacker's address, and without a known-device mark.
    await logIn(attacker, "canbo", "lan-nua");
    expect((await logIn(new TestClient(t, "203.0.113.21"), "canbo", RIGHT)).status).toBe(303);
  });

  it("delays one username at one address progressively, and a success starts over", async () => {
    const client = new TestClient(t, "198.51.100.30");
    for (let i = 0; i < 3; i++) expect((await logIn(client, "chamchi", `sai-${i}`)).status).toBe(422);
    const first = await logIn(client, "chamchi", RIGHT);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("15");
    expect(await first.text()).toContain("Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 giây.");
    later(15);
    expect((await logIn(client, "chamchi", "sai-3")).status).toBe(422);
    const second = await logIn(client, "chamchi", RIGHT);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("30");
    later(30);
    expect((await logIn(client, "chamchi", RIGHT)).status).toBe(303);
    // The run of failures ended with the success: three free mistakes again.
    const again = new TestClient(t, "198.51.100.30");
    for (let i = 0; i < 3; i++) expect((await logIn(again, "chamchi", `lai-sai-${i}`)).status).toBe(422);

    // Every attempt is in the log, the refused ones marked with the limit that refused them.
    const rows = await t.database.db
      .selectFrom("login_attempts")
      .select(["success", "refused_by"])
      .where("username", "=", "chamchi")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => (r.refused_by ? `refused:${r.refused_by}` : r.success ? "ok" : "failed"))).toEqual(
      [
        "failed",
        "failed",
        "failed",
        "refused:pair",
        "failed",
        "refused:pair",
        "ok",
        "failed",
        "failed",
        "failed",
      ],
    );
  });

  it("counts attempts sent in parallel against one another", async () => {
    const clients = Array.from({ length: 8 }, () => new TestClient(t, "198.51.100.60"));
    for (const client of clients) await client.page("/dang-nhap");
    const statuses = await Promise.all(
      clients.map((client, i) => logIn(client, "dongthoi", `song-song-${i}`)),
    );
    expect(statuses.map((r) => r.status).sort()).toEqual([422, 422, 422, 429, 429, 429, 429, 429]);
  });

  it("slows a username attacked from many addresses, but lets its known device in", async () => {
    const device = new TestClient(t, "203.0.113.40");
    const first = await device.logIn("lanhdao");
    expect(first.status).toBe(303);
    const mark = first.headers.getSetCookie().find((line) => line.startsWith("gb_device="));
    expect(mark).toMatch(/gb_device=[^;]+; Max-Age=15552000; Path=\/; HttpOnly; SameSite=Lax/);
    const markValue = mark?.split(";")[0]?.slice("gb_device=".length) ?? "";
    expect((await device.postForm("/dang-xuat", {})).status).toBe(303);

    for (let i = 0; i < USERNAME_FREE_FAILURES; i++) {
      expect((await logIn(new TestClient(t, `198.51.100.${100 + i}`), "lanhdao", "doan")).status).toBe(422);
    }
    // From here on, every unknown browser waits after each failure, the attackers' and the user's alike.
    expect((await logIn(new TestClient(t, "198.51.100.200"), "lanhdao", "doan")).status).toBe(429);
    const unknown = await logIn(new TestClient(t, "203.0.113.41"), "lanhdao", RIGHT);
    expect(unknown.status).toBe(429);
    expect(unknown.headers.get("retry-after")).toBe("1");
    await device.page("/dang-nhap");
    expect((await logIn(device, "lanhdao", RIGHT)).status).toBe(303);
    // The mark works from another address too (a laptop taken home), and only when it is genuine.
    expect((await logInWithCookies("203.0.113.42", `gb_device=${markValue}`, "lanhdao")).status).toBe(303);
    const tampered = `${markValue.slice(0, -2)}${markValue.endsWith("AA") ? "BB" : "AA"}`;
    expect((await logInWithCookies("203.0.113.43", `gb_device=${tampered}`, "lanhdao")).status).toBe(429);
    // Another user's mark is no mark for this one.
    const other = await logIn(new TestClient(t, "203.0.113.44"), "vanthu", RIGHT);
    const otherMark = other.headers
      .getSetCookie()
      .find((line) => line.startsWith("gb_device="))
      ?.split(";")[0];
    expect((await logInWithCookies("203.0.113.44", otherMark ?? "", "lanhdao")).status).toBe(429);
    // After a minute without failures the slowdown is over for everyone.
    later(61);
    expect((await logIn(new TestClient(t, "203.0.113.45"), "lanhdao", RIGHT)).status).toBe(303);
  });

  it("lets an office behind one address mistype often, and its known devices in past the address limit", async () => {
    const office = "192.0.2.80";
    const users = Array.from({ length: 25 }, (_, i) => `nhanvien${i}`);
    for (const username of users)
      expect((await logIn(new TestClient(t, office), username, "sai")).status).toBe(422);
    const colleague = new TestClient(t, office);
    const first = await logIn(colleague, "vanthu", RIGHT);
    expect(first.status).toBe(303);
    const mark =
      first.headers
        .getSetCookie()
        .find((line) => line.startsWith("gb_device="))
        ?.split(";")[0] ?? "";

    // Spraying from the office address up to the address limit.
    for (let i = users.length; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await insertLoginAttempt(t.database.db, {
        username: `phun-${i}`,
        ip: office,
        at: t.ctx.now(),
        success: false,
      });
    }
    const stranger = await logIn(new TestClient(t, office), "vanthu", RIGHT);
    expect(stranger.status).toBe(429);
    expect((await logInWithCookies(office, mark, "vanthu")).status).toBe(303);
  });
});
