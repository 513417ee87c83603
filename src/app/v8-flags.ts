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
 *
 * An old generation that grows to 2.5 times its live data before a full collection, not up to 4
 * times: under 50 connections on routed (uncached) pages, a request's objects outlive two scavenges
 * of the small young generation and are promoted, then die; V8's dynamic factor let that garbage
 * reach 200–240 MiB resident before collecting it. `--heap-growing-percent=150` fixes the factor
 * at 2.5 (it replaces V8's computed one, nothing else: no ceiling on the heap): the peak stays near
 * 155–165 MiB (Node 20) and 170–185 MiB (Node 24), for CPU per routed request within the noise of a
 * shared machine (BENCHMARKS.md, "Memory"). A factor of 2 (100) kept it near 140–170 MiB but cost
 * some 8–20% more CPU per routed request; larger semi-spaces and `--no-page-promotion` did not help.
 */
export const V8_FLAGS = ["--max-semi-space-size=4", "--heap-growing-percent=150"] as const;
