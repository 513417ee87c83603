import { describe, expect, it } from "vitest";
import { newRandomToken } from "./random-token.js";

describe("random tokens", () => {
  it("are 32 bytes in base64url and never repeat, across several refills of the pool", () => {
    const tokens = Array.from({ length: 1000 }, () => newRandomToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
