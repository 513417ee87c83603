import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Everything the app reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  /** `sqlite:<file>` is never written by users: absent DATABASE_URL means the SQLite file below. */
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  dataDir: string;
  sessionSecret: string;
  publicBaseUrl: URL;
  /** Cookies get `Secure` when the public URL is https (the app then sits behind a TLS proxy). */
  secureCookies: boolean;
  /** How often buffered article views are written to the database. */
  viewFlushIntervalMs: number;
  /** How long a public page rendered for anonymous visitors is served again from memory; 0: never. */
  pageCacheTtlMs: number;
  /** How often each process looks for due scheduled jobs (the database picks one process to run each). */
  jobTickMs: number;
  logLevel: string;
  /**
   * How many reverse proxies you run in front of the app; the client address is read from
   * X-Forwarded-For that many entries from the right. 0: the socket's peer, the header is ignored.
   */
  trustProxyHops: number;
  /** Shown in the header and page titles. */
  siteName: string;
  /** Outgoing mail for reminders; null: reminders are in-app only. */
  smtp: { url: string; from: string } | null;
}

/** A bad setting: the message is one line a person can act on, printed without a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseDatabase(raw: string | undefined, dataDir: string): Config["database"] {
  if (raw === undefined || raw === "") return { kind: "sqlite", file: path.join(dataDir, "giaoban.sqlite") };
  if (raw.startsWith("sqlite:")) {
    const file = raw.slice("sqlite:".length);
    if (!file)
      throw new ConfigError("DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/giaoban.sqlite");
    return { kind: "sqlite", file: path.resolve(file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL is not a valid URL (expected postgres://user:pass@host:5432/db)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or sqlite:, got "${url.protocol}"`);
  }
  return { kind: "postgres", url: raw };
}

function parseBaseUrl(raw: string | undefined, port: number): URL {
  const value = raw && raw !== "" ? raw : `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL is not a valid URL: "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`PUBLIC_BASE_URL must be http:// or https://, got "${value}"`);
  }
  return url;
}

/**
 * The session secret signs cookies and keys visitor hashes. When not given it is generated once and
 * kept in the data folder, so sessions survive restarts without anyone having to configure it.
 */
function resolveSessionSecret(raw: string | undefined, dataDir: string): string {
  if (raw !== undefined && raw !== "") {
    if (raw.length < 32) throw new ConfigError("SESSION_SECRET must be at least 32 characters long");
    return raw;
  }
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function parsePositiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

function parseNonNegativeInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new ConfigError(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

function parseSmtp(url: string | undefined, from: string | undefined): Config["smtp"] {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("SMTP_URL is not a valid URL (expected smtp://user:pass@host:587 or smtps://…)");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${parsed.protocol}"`);
  }
  return { url, from: from || `giaoban <no-reply@${parsed.hostname}>` };
}

/** `1` or `true`: one proxy (the usual nginx or Caddy in front); a number N: N proxies in a row. */
function parseTrustProxy(raw: string | undefined): number {
  if (raw === undefined || raw === "" || raw === "0" || raw === "false") return 0;
  if (raw === "true") return 1;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new ConfigError(
      `TRUST_PROXY must be the number of reverse proxies in front (0 to 10), got "${raw}"`,
    );
  }
  return hops;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || "data");
  const port = parsePort(env.PORT);
  const publicBaseUrl = parseBaseUrl(env.PUBLIC_BASE_URL, port);
  return {
    port,
    dataDir,
    database: parseDatabase(env.DATABASE_URL, dataDir),
    sessionSecret: resolveSessionSecret(env.SESSION_SECRET, dataDir),
    publicBaseUrl,
    secureCookies: publicBaseUrl.protocol === "https:",
    viewFlushIntervalMs: parsePositiveInt("VIEW_FLUSH_INTERVAL_MS", env.VIEW_FLUSH_INTERVAL_MS, 10_000),
    pageCacheTtlMs: parseNonNegativeInt("PAGE_CACHE_TTL_MS", env.PAGE_CACHE_TTL_MS, 5_000),
    jobTickMs: parsePositiveInt("JOB_TICK_MS", env.JOB_TICK_MS, 60_000),
    logLevel: env.LOG_LEVEL || "info",
    trustProxyHops: parseTrustProxy(env.TRUST_PROXY),
    siteName: env.SITE_NAME || "Cổng thông tin điện tử",
    smtp: parseSmtp(env.SMTP_URL, env.MAIL_FROM),
  };
}
