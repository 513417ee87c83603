import { describe, expect, it } from "vitest";
import { compileTemplate, fillTemplate, hole, PageCache } from "./page-cache.js";

describe("the public page cache", () => {
  it("fills every hole of a template with this visit's values and leaves unknown holes alone", () => {
    const html = `<meta content="${hole("csrf")}"><p>Lượt xem: ${hole("views")}</p><input value="${hole("csrf")}">${hole("other")}`;
    expect(
      Buffer.from(fillTemplate(compileTemplate(html), { csrf: "abc", views: "1.234" })).toString("utf8"),
    ).toBe(`<meta content="abc"><p>Lượt xem: 1.234</p><input value="abc">${hole("other")}`);
  });

  it("keeps a template with its facts, and forgets everything on invalidate", () => {
    const cache = new PageCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.set("/tin-tuc/a", { template: compileTemplate("<p>a</p>"), facts: { articleId: 7 } });
    expect(cache.get<{ articleId: number }>("/tin-tuc/a")).toEqual({
      template: { parts: [Buffer.from("<p>a</p>")], names: [] },
      facts: { articleId: 7 },
    });
    cache.invalidate();
    expect(cache.get("/tin-tuc/a")).toBeUndefined();
  });

  it("holds at most maxEntries pages, dropping the least recently used", () => {
    const cache = new PageCache({ maxEntries: 2, ttlMs: 60_000 });
    cache.set("a", { template: compileTemplate("a"), facts: null });
    cache.set("b", { template: compileTemplate("b"), facts: null });
    cache.get("a");
    cache.set("c", { template: compileTemplate("c"), facts: null });
    expect(
      [cache.get("a"), cache.get("b"), cache.get("c")].map((e) => e?.template.parts[0]?.toString()),
    ).toEqual(["a", undefined, "c"]);
  });

  it("expires a page after its time to live", async () => {
    const cache = new PageCache({ maxEntries: 10, ttlMs: 20 });
    cache.set("a", { template: compileTemplate("a"), facts: null });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps nothing when its time to live is 0 (switched off)", () => {
    const cache = new PageCache({ maxEntries: 10, ttlMs: 0 });
    cache.set("a", { template: compileTemplate("a"), facts: null });
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
