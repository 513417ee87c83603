import { describe, expect, it } from "vitest";
import {
  type AttemptStats,
  decideLoginAttempt,
  MAX_FAILURES_PER_ADDRESS,
  pairDelaySeconds,
  throttleMessage,
  USERNAME_FREE_FAILURES,
  usernameDelaySeconds,
} from "./login-throttle.rules.js";

const NOW = new Date("2020-01-02T08:00:00.000Z");
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();

function stats(overrides: Partial<AttemptStats> = {}): AttemptStats {
  return {
    pair: { failures: 0, lastFailureAt: null },
    address: { failures: 0, oldestFailureAt: null },
    username: { failures: 0, lastFailureAt: null },
    ...overrides,
  };
}

describe("pairDelaySeconds", () => {
  it("lets three mistakes go, then doubles the wait each time up to fifteen minutes", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30].map(pairDelaySeconds)).toEqual([
      0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });
});

describe("usernameDelaySeconds", () => {
  it("slows a username only after many failures from anywhere, and never by more than a minute", () => {
    expect(usernameDelaySeconds(USERNAME_FREE_FAILURES - 1)).toBe(0);
    expect(usernameDelaySeconds(USERNAME_FREE_FAILURES)).toBe(1);
    expect(usernameDelaySeconds(USERNAME_FREE_FAILURES + 3)).toBe(8);
    expect(usernameDelaySeconds(USERNAME_FREE_FAILURES + 50)).toBe(60);
  });
});

describe("decideLoginAttempt", () => {
  it("allows a first attempt and a few mistakes", () => {
    expect(decideLoginAttempt(stats(), false, NOW)).toEqual({ allowed: true });
    const mistakes = stats({ pair: { failures: 2, lastFailureAt: secondsAgo(0) } });
    expect(decideLoginAttempt(mistakes, false, NOW)).toEqual({ allowed: true });
  });

  it("delays the pair progressively from its latest failure", () => {
    const pair = (failures: number, ago: number) =>
      stats({ pair: { failures, lastFailureAt: secondsAgo(ago) } });
    expect(decideLoginAttempt(pair(3, 0), false, NOW)).toEqual({
      allowed: false,
      limit: "pair",
      retryAfterSeconds: 15,
    });
    expect(decideLoginAttempt(pair(3, 15), false, NOW)).toEqual({ allowed: true });
    expect(decideLoginAttempt(pair(5, 10), false, NOW)).toEqual({
      allowed: false,
      limit: "pair",
      retryAfterSeconds: 50,
    });
    expect(decideLoginAttempt(pair(12, 0), false, NOW)).toMatchObject({ retryAfterSeconds: 900 });
  });

  it("keeps the pair delay on a known device (a stolen mark does not lift it)", () => {
    const s = stats({ pair: { failures: 4, lastFailureAt: secondsAgo(0) } });
    expect(decideLoginAttempt(s, true, NOW)).toMatchObject({ allowed: false, limit: "pair" });
  });

  it("lets an office behind one address fail many times before the address is refused", () => {
    const office = (failures: number) => stats({ address: { failures, oldestFailureAt: secondsAgo(60) } });
    expect(MAX_FAILURES_PER_ADDRESS).toBeGreaterThanOrEqual(100);
    expect(decideLoginAttempt(office(MAX_FAILURES_PER_ADDRESS - 1), false, NOW)).toEqual({ allowed: true });
    expect(decideLoginAttempt(office(MAX_FAILURES_PER_ADDRESS), false, NOW)).toEqual({
      allowed: false,
      limit: "address",
      retryAfterSeconds: 14 * 60,
    });
    expect(decideLoginAttempt(office(MAX_FAILURES_PER_ADDRESS), true, NOW)).toEqual({ allowed: true });
  });

  it("slows a username attacked from many addresses on unknown devices only", () => {
    const attacked = stats({
      username: { failures: USERNAME_FREE_FAILURES + 10, lastFailureAt: secondsAgo(1) },
    });
    expect(decideLoginAttempt(attacked, false, NOW)).toEqual({
      allowed: false,
      limit: "username",
      retryAfterSeconds: 59,
    });
    expect(decideLoginAttempt(attacked, true, NOW)).toEqual({ allowed: true });
  });

  it("answers with the longest wait when several limits apply", () => {
    const s = stats({
      pair: { failures: 3, lastFailureAt: secondsAgo(0) },
      username: { failures: USERNAME_FREE_FAILURES + 10, lastFailureAt: secondsAgo(0) },
    });
    expect(decideLoginAttempt(s, false, NOW)).toEqual({
      allowed: false,
      limit: "username",
      retryAfterSeconds: 60,
    });
  });
});

describe("throttleMessage", () => {
  it("says seconds under a minute and whole minutes above", () => {
    expect(throttleMessage(15)).toBe("Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 giây.");
    expect(throttleMessage(61)).toBe("Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau 2 phút.");
  });
});
