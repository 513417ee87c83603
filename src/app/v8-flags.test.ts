import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { V8_FLAGS } from "./v8-flags.js";

const read = (file: string) => readFileSync(new URL(file, import.meta.url), "utf8");
const flags = V8_FLAGS.join(" ");

describe("the V8 flags the server starts with", () => {
  it("are given by npm start, the server's first line and the giaoban command's first line", () => {
    const start = JSON.parse(read("../../package.json")).scripts.start as string;
    expect(start).toContain(`node ${flags} dist/app/main.js`);
    expect(read("./main.ts").split("\n")[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
    expect(read("./cli/main.ts").split("\n")[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
  });

  it("are taken by this Node and keep the young generation small under allocation", () => {
    const script = `
      const v8 = require("node:v8");
      let keep = [];
      for (let i = 0; i < 2e6; i++) { keep.push({ i, s: "x" + i }); if (keep.length > 20000) keep = []; }
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
      console.log(young.space_size);`;
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [...args, "-e", script], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      return Number(result.stdout.trim());
    };
    const MiB = 1024 * 1024;
    // Semi-spaces of 4 MiB: the young generation stays within 3 of them (Node 20: 2, Node 24: 3 counted).
    expect(run([...V8_FLAGS])).toBeLessThanOrEqual(12 * MiB);
    expect(run([])).toBeGreaterThan(12 * MiB);
  });

  it("collect promoted garbage before the old generation grows far past its live data", () => {
    // Objects that outlive two scavenges and then die, as a routed request's do under load: some
    // 25 MiB are live at any time; without the growing flag V8 lets the old space reach ~130 MiB,
    // with it ~80 MiB (Node 20 and 24).
    const script = `
      const v8 = require("node:v8");
      const ring = new Array(200000);
      let peak = 0;
      for (let i = 0; i < 6e6; i++) {
        ring[i % ring.length] = { i, s: "x" + i, a: [i, i + 1] };
        if (i % 20000 === 0) {
          const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space");
          peak = Math.max(peak, old.space_size);
        }
      }
      console.log(peak);`;
    const peak = (args: readonly string[]) => {
      const result = spawnSync(process.execPath, [...args, "-e", script], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      return Number(result.stdout.trim());
    };
    const withoutGrowing = V8_FLAGS.filter((flag) => !flag.startsWith("--heap-growing-percent"));
    expect(peak(V8_FLAGS)).toBeLessThan(0.75 * peak(withoutGrowing));
  });
});
