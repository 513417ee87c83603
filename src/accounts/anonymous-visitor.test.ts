import { serialize } from "hono/utils/cookie";
import { describe, expect, it } from "vitest";
import { anonCsrfForVisit, anonCsrfSetCookie } from "./anonymous-visitor.js";
import { newRandomToken } from "./random-token.js";

describe("the anonymous visitor's CSRF cookie", () => {
  it("is the cookie Hono's serializer writes, over http and https, for any token", () => {
    for (const secure of [false, true]) {
      const name = secure ? "__Host-gb_csrf" : "gb_csrf";
      for (const token of [newRandomToken(), newRandomToken(), "a token; with=odd,chars/é"]) {
        expect(anonCsrfSetCookie(token, secure)).toBe(
          serialize(name, token, { httpOnly: true, sameSite: "Lax", secure, path: "/" }),
        );
      }
    }
  });

  it("gives a new visitor a new token with its cookie, and a returning one their own", () => {
    const first = anonCsrfForVisit(undefined, false);
    expect(first.setCookie).toBe(`gb_csrf=${first.token}; Path=/; HttpOnly; SameSite=Lax`);
    expect(anonCsrfForVisit(undefined, false).token).not.toBe(first.token);
    expect(anonCsrfForVisit(`x=1; gb_csrf=${first.token}`, false)).toEqual({
      token: first.token,
      setCookie: null,
    });
  });
});
