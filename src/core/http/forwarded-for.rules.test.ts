import { describe, expect, it } from "vitest";
import { forwardedClientIp } from "./forwarded-for.rules.js";

describe("forwardedClientIp", () => {
  it("takes the address our one proxy appended, not what the client wrote before it", () => {
    expect(forwardedClientIp("203.0.113.9", 1)).toBe("203.0.113.9");
    expect(forwardedClientIp("1.2.3.4, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(forwardedClientIp("1.2.3.4,5.6.7.8 ,203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("counts N hops from the right behind N proxies", () => {
    // Client 203.0.113.9 → CDN (appends the client) → nginx (appends the CDN) → app.
    expect(forwardedClientIp("spoofed, 203.0.113.9, 198.51.100.20", 2)).toBe("203.0.113.9");
    expect(forwardedClientIp("203.0.113.9, 198.51.100.20", 2)).toBe("203.0.113.9");
    expect(forwardedClientIp("a, b, 203.0.113.9, 198.51.100.20, 198.51.100.30", 3)).toBe("203.0.113.9");
  });

  it("takes the earliest entry when there are fewer entries than proxies", () => {
    expect(forwardedClientIp("203.0.113.9", 2)).toBe("203.0.113.9");
  });

  it("gives nothing without a header, with an empty one, or when no proxy is trusted", () => {
    expect(forwardedClientIp(undefined, 1)).toBeNull();
    expect(forwardedClientIp("", 1)).toBeNull();
    expect(forwardedClientIp(" , ", 1)).toBeNull();
    expect(forwardedClientIp("203.0.113.9", 0)).toBeNull();
  });
});
