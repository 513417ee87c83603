/**
 * The proof of work of the public feedback form and API, with ALTCHA (altcha-lib, self-hosted: no
 * third-party service is called). The server hands out a signed challenge; the sender's browser (the
 * `altcha` widget, served from this site) or API client searches for the counter whose PBKDF2 key
 * starts with the challenge's prefix, and sends the solution with the feedback. Each solved challenge
 * is accepted once (kept in memory until it expires: a second process accepts it once more at most).
 *
 * With JavaScript off the form asks a small sum instead (feedback-abuse.rules.ts): its question is
 * signed the same way, so the server keeps no state between showing the form and reading it.
 */
import { createHmac, randomInt as cryptoRandomInt, randomBytes, timingSafeEqual } from "node:crypto";
import { CappedMap, type Challenge, createChallenge, randomInt } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { verify } from "altcha-lib/frameworks/shared";
import { challengeDecision, sumQuestion } from "./feedback-abuse.rules.js";

/** PBKDF2 iterations per try, and the range of the counter to find: about a second in a phone's browser. */
const COST = 1_000;
const COUNTER_MIN = 200;
const COUNTER_MAX = 1_200;
const LIFETIME_MS = 20 * 60 * 1000;

/** Challenges already used, until they would have expired anyway. */
const used = new CappedMap<string, boolean>({ maxSize: 50_000 });

function secretsOf(sessionSecret: string) {
  const derive = (purpose: string) => createHmac("sha256", sessionSecret).update(purpose).digest("hex");
  return {
    signature: derive("feedback-pow-signature"),
    key: derive("feedback-pow-key"),
    sum: derive("feedback-sum"),
  };
}

/** Challenges handed out lately, by a keyed hash of the address (in memory, per process). */
const handedOut = new CappedMap<string, number[]>({ maxSize: 20_000 });

/**
 * May this address have another challenge? Refused after {@link challengeDecision}'s limit, so no
 * one stockpiles challenges to solve in bulk later.
 */
export function mayHandOutChallenge(sessionSecret: string, ip: string): boolean {
  const key = createHmac("sha256", sessionSecret).update(`feedback-challenge:${ip}`).digest("hex");
  const now = Date.now();
  const decision = challengeDecision(handedOut.get(key) ?? [], now);
  if (decision.allowed) decision.kept.push(now);
  handedOut.set(key, decision.kept);
  return decision.allowed;
}

/** A new challenge for one feedback (the JSON the widget fetches and API clients solve). */
export async function createPowChallenge(sessionSecret: string): Promise<Challenge> {
  const secrets = secretsOf(sessionSecret);
  return createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost: COST,
    counter: randomInt(COUNTER_MAX, COUNTER_MIN),
    deriveKey,
    // The library checks expiry against the machine's clock, so it is set from the machine's clock.
    expiresAt: new Date(Date.now() + LIFETIME_MS),
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  });
}

/**
 * Is `payload` (the widget's field value: base64 of `{ challenge, solution }`, or that object) a
 * solution of a challenge this server signed, not expired and not used before?
 */
export async function verifyPow(sessionSecret: string, payload: unknown): Promise<boolean> {
  if (payload === null || payload === undefined || payload === "") return false;
  const secrets = secretsOf(sessionSecret);
  const result = await verify(payload as string, deriveKey, secrets.signature, secrets.key, {
    get: (id: string) => used.get(id),
    set: (id: string) => {
      used.set(id, true);
    },
    setIfAbsent: (id: string) => {
      if (used.has(id)) return false;
      used.set(id, true);
      return true;
    },
  } as never);
  return result.error === null;
}

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}

/** The no-JavaScript question: its words and a signed token carrying the numbers and an expiry. */
export function createSumChallenge(sessionSecret: string, now: Date): { text: string; token: string } {
  const a = cryptoRandomInt(1, 10);
  const b = cryptoRandomInt(1, 10);
  const body = `${a}.${b}.${now.getTime() + LIFETIME_MS}.${randomBytes(6).toString("hex")}`;
  return { text: sumQuestion(a, b).text, token: `${body}.${sign(secretsOf(sessionSecret).sum, body)}` };
}

/** Is `answer` right for the question `token` asked, signed here, not expired, not used before? */
export function verifySumAnswer(
  sessionSecret: string,
  token: string,
  answer: number | null,
  now: Date,
): boolean {
  const parts = token.split(".");
  if (parts.length !== 5 || answer === null) return false;
  const [a, b, expires, nonce, mac] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(secretsOf(sessionSecret).sum, `${a}.${b}.${expires}.${nonce}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (Number(expires) < now.getTime()) return false;
  if (Number(a) + Number(b) !== answer) return false;
  if (used.has(`sum:${nonce}`)) return false;
  used.set(`sum:${nonce}`, true);
  return true;
}
