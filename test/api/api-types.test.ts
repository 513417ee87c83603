import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

/**
 * test/support/api-types.ts is openapi-typescript's reading of /api/openapi.json. Typed API tests
 * (test/support/typed-api.ts) use it, so a renamed field fails the typecheck; this test fails when
 * the document changed and the types were not regenerated. `npm run api:types` regenerates them.
 */
const TYPES_FILE = fileURLToPath(new URL("../support/api-types.ts", import.meta.url));
const HEADER = `${COMMENT_HEADER.trimEnd()}\n// Regenerate with \`npm run api:types\` (test/api/api-types.test.ts).\n\n`;

describe("the committed API types", () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp("sqlite");
  });
  afterAll(() => testApp.close());

  it("are what openapi-typescript makes of the current document", async () => {
    const document = await (await testApp.app.request("/api/openapi.json")).json();
    // defaultNonNullable off: a field with a default may be left out of a request body, as the
    // document says (openapi-typescript would otherwise require it, reading defaults as responses do).
    const types = await openapiTS(document, { silent: true, defaultNonNullable: false });
    const fresh = HEADER + astToString(types);
    if (process.env.UPDATE_API_TYPES === "1") writeFileSync(TYPES_FILE, fresh);
    // Not toEqual on the whole text: the diff would be unreadable; the first differing line says enough.
    const committed = readFileSync(TYPES_FILE, "utf8").split("\n");
    const expected = fresh.split("\n");
    const line = expected.findIndex((text, i) => committed[i] !== text);
    expect(
      line < 0 && committed.length === expected.length
        ? "same"
        : `line ${line + 1} differs: run \`npm run api:types\`\n  committed: ${committed[line]}\n  fresh:     ${expected[line]}`,
    ).toBe("same");
  });
});
