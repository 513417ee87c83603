#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=150
import { runOrExit } from "../core/fail-fast.js";
import { startServer } from "./server.js";

await runOrExit(async () => {
  const server = await startServer(undefined, { handleSignals: true });
  console.log(`giaoban: mở ${server.url} trong trình duyệt (dừng bằng Ctrl+C)`);
});
