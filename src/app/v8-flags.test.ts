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
});
