import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "giaoban-config-"));

describe("loadConfig", () => {
  it("defaults to port 3000 and a SQLite file under the data folder, generating and keeping a secret", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: "sqlite", file: path.join(dir, "giaoban.sqlite") });
    expect(config.publicBaseUrl.href).toBe("http://localhost:3000/");
    expect(config.secureCookies).toBe(false);
    expect(readFileSync(path.join(dir, "session-secret"), "utf8").trim()).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it("caches public pages for 5 seconds unless PAGE_CACHE_TTL_MS says otherwise, 0 meaning never", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).pageCacheTtlMs).toBe(5_000);
    expect(loadConfig({ DATA_DIR: dataDir(), PAGE_CACHE_TTL_MS: "0" }).pageCacheTtlMs).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir(), PAGE_CACHE_TTL_MS: "1500" }).pageCacheTtlMs).toBe(1_500);
  });

  it("trusts no X-Forwarded-For unless TRUST_PROXY says how many proxies stand in front", () => {
    const hops = (TRUST_PROXY?: string) =>
      loadConfig({ DATA_DIR: dataDir(), ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) })
        .trustProxyHops;
    expect(hops()).toBe(0);
    expect(hops("")).toBe(0);
    expect(hops("0")).toBe(0);
    expect(hops("false")).toBe(0);
    expect(hops("1")).toBe(1);
    expect(hops("true")).toBe(1);
    expect(hops("2")).toBe(2);
  });

  it("takes PostgreSQL from DATABASE_URL and https from PUBLIC_BASE_URL", () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: "postgres://u:p@db:5432/giaoban",
      PUBLIC_BASE_URL: "https://phuong.example.vn",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u:p@db:5432/giaoban" });
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: "http" }, 'PORT must be a whole number from 0 to 65535, got "http"'],
    [{ DATABASE_URL: "mysql://x" }, 'DATABASE_URL must start with postgres:// or sqlite:, got "mysql:"'],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL is not a valid URL"],
    [{ PUBLIC_BASE_URL: "ftp://x" }, "PUBLIC_BASE_URL must be http:// or https://"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET must be at least 32 characters long"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL must start with smtp:// or smtps://"],
    [{ PAGE_CACHE_TTL_MS: "-1" }, 'PAGE_CACHE_TTL_MS must be a whole number ≥ 0, got "-1"'],
    [{ PAGE_CACHE_TTL_MS: "5s" }, 'PAGE_CACHE_TTL_MS must be a whole number ≥ 0, got "5s"'],
    [
      { TRUST_PROXY: "yes" },
      'TRUST_PROXY must be the number of reverse proxies in front (0 to 10), got "yes"',
    ],
    [{ TRUST_PROXY: "-1" }, 'TRUST_PROXY must be the number of reverse proxies in front (0 to 10), got "-1"'],
    [
      { TRUST_PROXY: "1.5" },
      'TRUST_PROXY must be the number of reverse proxies in front (0 to 10), got "1.5"',
    ],
  ])("refuses %o with one clear line", (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });
});
