import { createConfig, lintFromString, type NormalizedProblem } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

/** Where a problem is, for a readable failure: rule, JSON pointer, message. */
function describeProblem(p: NormalizedProblem): string {
  return `${p.ruleId} ${p.location[0]?.pointer ?? ""}: ${p.message}`;
}

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  description?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: { type?: string; example?: unknown; minimum?: number };
  }[];
  responses: Record<string, unknown>;
}

/** A value the parameter's schema accepts: its example, else its minimum, else 1. */
function sampleOf(schema: NonNullable<Operation["parameters"]>[number]["schema"]): string {
  return String(schema?.example ?? schema?.minimum ?? 1);
}

describe("the API document /api/openapi.json", () => {
  let testApp: TestApp;
  let source: string;
  beforeAll(async () => {
    // A real-looking origin: the lint warns about servers on localhost, which is only the tests' origin.
    testApp = await createTestApp("sqlite", { config: { publicBaseUrl: new URL("https://giaoban.test") } });
    const response = await testApp.app.request("/api/openapi.json");
    expect(response.status).toBe(200);
    source = await response.text();
  });
  afterAll(() => testApp.close());

  it("passes Redocly's recommended lint with no errors", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source, absoluteRef: "openapi.json", config });
    const errors = problems.filter((p) => p.severity === "error").map(describeProblem);
    const warnings = problems.filter((p) => p.severity === "warn").map(describeProblem);
    console.info(`openapi lint: ${errors.length} errors, ${warnings.length} warnings`, warnings);
    expect(errors).toEqual([]);
    // These once failed and were fixed; keep them fixed even though the preset only warns.
    expect(
      warnings.filter((w) =>
        /^(operation-operationId|operation-4xx-response|no-ambiguous-paths|info-license)\b/.test(w),
      ),
    ).toEqual([]);
  });

  it("states on every operation who may call it, with a unique operationId", () => {
    const document = JSON.parse(source) as {
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
    };
    expect(document.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: "http", scheme: "bearer" }),
      session: expect.objectContaining({ type: "apiKey", in: "cookie", name: "gb_session" }),
      csrf: expect.objectContaining({ type: "apiKey", in: "header", name: "X-CSRF-Token" }),
    });
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, method, op })),
    );
    expect(operations.length).toBeGreaterThan(60);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { at, method, op } of operations) {
      expect(op.operationId, at).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(op.security, at).toBeInstanceOf(Array);
      expect(op.description, at).toMatch(/\*\*Access:\*\* \S/);
      // A change made with the session cookie must carry the CSRF header.
      if (method !== "get")
        for (const requirement of op.security ?? [])
          if ("session" in requirement) expect(requirement, at).toHaveProperty("csrf");
      // Whoever needs a signature can be refused one.
      const anonymous =
        (op.security ?? []).length === 0 || op.security?.some((r) => Object.keys(r).length === 0);
      if (!anonymous)
        expect(Object.keys(op.responses), at).toEqual(
          expect.arrayContaining(["401", "403"].slice(0, method === "get" ? 1 : 2)),
        );
    }
  });

  it("keeps its word on reads: anonymous callers are refused exactly where a signature is required", async () => {
    const document = JSON.parse(source) as { paths: Record<string, Record<string, Operation>> };
    const outcomes: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      const op = item.get;
      if (!op) continue;
      const query = new URLSearchParams();
      for (const p of op.parameters ?? [])
        if (p.in === "query" && p.required) query.set(p.name, sampleOf(p.schema));
      const url = `${path.replace(/\{\w+\}/g, "1")}${query.size > 0 ? `?${query}` : ""}`;
      const response = await testApp.app.request(url, { headers: { accept: "application/json" } });
      const security = op.security ?? [];
      const anonymousAllowed = security.length === 0 || security.some((r) => Object.keys(r).length === 0);
      const refused = response.status === 401 || response.status === 403;
      if (refused === anonymousAllowed) outcomes.push(`GET ${url}: ${response.status}`);
    }
    expect(outcomes).toEqual([]);
  });
});
