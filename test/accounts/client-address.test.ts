import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { ENGINES } from "../support/databases.js";
import { createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

/** The address recorded for a login attempt, as the login throttle and the audit log see it. */
async function lastAttemptIp(t: TestApp, username: string): Promise<string | undefined> {
  const rows = await t.database.db
    .selectFrom("login_attempts")
    .select("ip")
    .where("username", "=", username)
    .orderBy("id", "desc")
    .execute();
  return rows[0]?.ip;
}

describe.each(ENGINES)("the client address behind trusted proxies on %s", (engine) => {
  describe("one proxy (TRUST_PROXY=1)", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { config: { trustProxyHops: 1 } });
      await createUser(t.database.db, { username: "mot.proxy" });
    });
    afterAll(() => t.close());

    it("is the entry our proxy appended, whatever the client put before it", async () => {
      const client = new TestClient(t);
      await client.postForm("/dang-nhap", { username: "mot.proxy", password: "sai" });
      expect(await lastAttemptIp(t, "mot.proxy")).toBe("203.0.113.7");
      const spoofing = await client.request("/dang-nhap", {
        method: "POST",
        body: new URLSearchParams({ _csrf: client.csrfToken, username: "mot.proxy", password: "sai" }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": "10.0.0.1, 198.51.100.77",
        },
      });
      expect(spoofing.status).toBe(422);
      expect(await lastAttemptIp(t, "mot.proxy")).toBe("198.51.100.77");
    });
  });

  describe("two proxies (TRUST_PROXY=2)", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { config: { trustProxyHops: 2 } });
      await createUser(t.database.db, { username: "hai.proxy" });
    });
    afterAll(() => t.close());

    it("is the second entry from the right", async () => {
      const client = new TestClient(t, "1.1.1.1, 203.0.113.50, 198.51.100.2");
      await client.postForm("/dang-nhap", { username: "hai.proxy", password: "sai" });
      expect(await lastAttemptIp(t, "hai.proxy")).toBe("203.0.113.50");
    });
  });
});
