import { createHmac, timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import type { AppCtx } from "../core/http/request.js";

/**
 * A "known device" mark: a signed, long-lived cookie saying that this browser has signed in as these
 * users before. The login throttle lets such a browser past its per-address and per-username limits,
 * so that an attacker guessing a user's password elsewhere never keeps that user out of their own
 * computer. It grants no access by itself: the password is still checked.
 */
export const KNOWN_DEVICE_TTL_MS = 180 * 24 * 60 * 60 * 1000;
/** A shared office computer remembers its last few users, not every one. */
const MAX_USERS_PER_DEVICE = 5;

function cookieName(secure: boolean): string {
  return secure ? "__Host-gb_device" : "gb_device";
}

function signature(secret: string, username: string, expiresSeconds: number): string {
  // Its own label, so that this MAC can never stand in for another use of the session secret.
  return createHmac("sha256", secret)
    .update(`known-device\n${username}\n${expiresSeconds}`)
    .digest("base64url");
}

interface Mark {
  username: string;
  expiresSeconds: number;
  entry: string;
}

function parseMarks(value: string | undefined, secret: string, now: Date): Mark[] {
  if (!value) return [];
  const marks: Mark[] = [];
  for (const entry of value.split("~").slice(0, MAX_USERS_PER_DEVICE)) {
    const [encoded, expires, mac] = entry.split(".");
    if (!encoded || !expires || !mac) continue;
    const username = Buffer.from(encoded, "base64url").toString("utf8");
    const expiresSeconds = Number(expires);
    if (!Number.isInteger(expiresSeconds) || expiresSeconds * 1000 <= now.getTime()) continue;
    const expected = Buffer.from(signature(secret, username, expiresSeconds));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) continue;
    marks.push({ username, expiresSeconds, entry });
  }
  return marks;
}

/** The usernames (lower case) this browser validly holds a mark for. */
export function knownUsernames(c: AppCtx): string[] {
  const { config, now } = c.var.ctx;
  return parseMarks(getCookie(c, cookieName(config.secureCookies)), config.sessionSecret, now()).map(
    (m) => m.username,
  );
}

/** After a successful login: marks this browser as known for `username`, newest first. */
export function rememberDevice(c: AppCtx, username: string): void {
  const { config, now } = c.var.ctx;
  const name = cookieName(config.secureCookies);
  const user = username.toLowerCase();
  const expiresSeconds = Math.floor((now().getTime() + KNOWN_DEVICE_TTL_MS) / 1000);
  const entry = `${Buffer.from(user).toString("base64url")}.${expiresSeconds}.${signature(config.sessionSecret, user, expiresSeconds)}`;
  const others = parseMarks(getCookie(c, name), config.sessionSecret, now())
    .filter((m) => m.username !== user)
    .map((m) => m.entry);
  setCookie(c, name, [entry, ...others].slice(0, MAX_USERS_PER_DEVICE).join("~"), {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: Math.floor(KNOWN_DEVICE_TTL_MS / 1000),
  });
}
