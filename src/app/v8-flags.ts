/**
 * The V8 flags the server runs with. They size the heap, so they must be given when Node starts:
 * `v8.setFlagsFromString` after start-up leaves the heap as it is (measured). The start command
 * (`npm start`), the first line of the server and of the `giaoban` command (`#!/usr/bin/env -S node …`)
 * and the page benchmark all pass these; `v8-flags.test.ts` checks that they agree.
 *
 * - A small young generation: by default V8 grows it to 64–128 MiB under a page load (Node 24), which
 *   stays resident; a visit's garbage dies young, so 4 MiB semi-spaces cost no measurable CPU per
 *   request and keep some 60–100 MiB off the resident size (BENCHMARKS.md, "Public pages with wrk").
 * - `--optimize-for-size`: V8 favours memory over speed in its heuristics; about 18 MiB less at rest,
 *   no measurable CPU per cached page.
 */
export const V8_FLAGS = ["--max-semi-space-size=4", "--optimize-for-size"] as const;
