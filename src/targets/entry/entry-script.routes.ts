import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/http/env.js";

/**
 * The entry form's one script: "% đạt" beside each input, updated as the officer types (value ÷ the
 * target in the input's `data-target`, one decimal, vi-VN). The form works without it: the server
 * prints the same percentage after each submit. Served as a same-origin file (the Content-Security-
 * Policy allows no inline script).
 */
export const ENTRY_SCRIPT_PATH = "/tai-nguyen/nhap-so-lieu.js";

const SCRIPT = `"use strict";
(function () {
  var format = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
  // "1.234,5" or "1234,5" or "52%": dots group thousands, the comma is the decimal point.
  function parse(text) {
    var t = String(text).replace(/[\\s%‰]/g, "");
    if (!/^-?[0-9.]*,?[0-9]*$/.test(t) || !/[0-9]/.test(t)) return null;
    var n = Number(t.replace(/\\./g, "").replace(",", "."));
    return isFinite(n) ? n : null;
  }
  document.querySelectorAll("input[data-target][data-output]").forEach(function (input) {
    var output = document.getElementById(input.getAttribute("data-output"));
    var target = Number(input.getAttribute("data-target"));
    if (!output || !(target > 0)) return;
    function update() {
      var value = parse(input.value);
      output.textContent = value === null ? "—" : format.format((value / target) * 100) + "%";
    }
    input.addEventListener("input", update);
  });
})();
`;

export function registerEntryScript(app: OpenAPIHono<AppEnv>): void {
  app.get(ENTRY_SCRIPT_PATH, (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(SCRIPT);
  });
}
