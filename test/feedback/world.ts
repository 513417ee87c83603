/** A small world for feedback tests: a city with two wards, their officers, and a solved proof of work. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import sharp from "sharp";
import type { DialectName } from "../../src/core/db/dialect.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { createUnit, createUser } from "../support/fixtures.js";
import { TestClient } from "../support/http.js";

/** Monday 07/12/2026, 10:00 in Vietnam. */
export const NOW = new Date("2026-12-07T03:00:00Z");

export interface FeedbackWorld {
  t: TestApp;
  city: number;
  wardA: number;
  wardB: number;
  organisationA: number;
  close(): Promise<void>;
}

export async function createFeedbackWorld(engine: DialectName): Promise<FeedbackWorld> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "giaoban-feedback-"));
  const t = await createTestApp(engine, { now: NOW, config: { dataDir } });
  const db = t.database.db;
  const city = await createUnit(db, { name: "Hà Nội", level: "city", validFrom: "2008-08-01" });
  const wardA = await createUnit(db, {
    name: "Việt Hưng",
    level: "ward",
    parentId: city,
    validFrom: "2025-07-01",
  });
  const wardB = await createUnit(db, {
    name: "Bồ Đề",
    level: "ward",
    parentId: city,
    validFrom: "2025-07-01",
  });
  const org = await db
    .insertInto("organisations")
    .values({
      unit_id: wardA,
      kind: "department",
      name: "Phòng Kinh tế, Hạ tầng và Đô thị",
      valid_from: "2025-07-01",
      valid_to: null,
      sort_order: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await createUser(db, {
    username: "canbo.a",
    grants: [{ role: "unit_admin", unitId: wardA, validFrom: "2025-07-01" }],
  });
  await createUser(db, {
    username: "nhaplieu.a",
    grants: [{ role: "data_officer", unitId: wardA, validFrom: "2025-07-01" }],
  });
  await createUser(db, {
    username: "canbo.b",
    grants: [{ role: "unit_admin", unitId: wardB, validFrom: "2025-07-01" }],
  });
  await createUser(db, {
    username: "bientap.a",
    grants: [{ role: "editor", unitId: wardA, validFrom: "2025-07-01" }],
  });
  return { t, city, wardA, wardB, organisationA: org.id, close: () => t.close() };
}

/** Fetches a challenge as a client would and solves it (altcha-lib, the same work a browser does). */
export async function solvedPow(client: TestClient): Promise<string> {
  const response = await client.request("/api/v1/feedback-challenge", {
    headers: { accept: "application/json" },
  });
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("proof of work not solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

/** A small JPEG carrying EXIF metadata (camera and a GPS-like comment), as phones write them. */
export async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "GiaobanPhone", Model: "Test 1", ImageDescription: "GPS 21.05 105.89" } })
    .toBuffer();
}

export function clientAt(t: TestApp, ip: string): TestClient {
  return new TestClient(t, ip);
}
