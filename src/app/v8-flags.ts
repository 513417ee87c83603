/**
 * The V8 flags the server runs with. They size the heap, so they must be given when Node starts:
 * `v8.setFlagsFromString` after start-up leaves the heap as it is (measured). The start command
 * (`npm start`), the first line of the server and of the `giaoban` command (`#!/usr/bin/env -S node …`)
 * and the page benchmark all pass these; `v8-flags.test.ts` checks that they agree.
 *
 * A small young generation: by default V8 grows it to 64–128 MiB under a page load (Node 24), and that
 * stays resident; a visit's garbage dies young, so 4 MiB semi-spaces keep some 50–100 MiB off the
 * resident size for a few per cent of CPU in scavenges (BENCHMARKS.md, "Public pages with wrk").
 * `--optimize-for-size` was measured too and left out: 18 MiB less at rest, but old-generation
 * collections every few hundred milliseconds under load (a quarter of the CPU, half the req/s).
 */
export const V8_FLAGS = ["--max-semi-space-size=4"] as const;
