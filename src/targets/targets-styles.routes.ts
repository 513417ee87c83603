import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/http/env.js";

/**
 * The few styles the targets pages need beyond the site stylesheet, served as a same-origin file
 * (the Content-Security-Policy allows no inline styles). Pages link it through `PageMeta.head`.
 */
export const TARGETS_CSS_PATH = "/tai-nguyen/chi-tieu.css";

const CSS = `
.eval-table td, .eval-table th { vertical-align: top; }
.eval-table .wording { margin: 0; }
.eval-table .customary { margin: .2rem 0 0; font-size: .9em; color: #455a64; }
.status { display: inline-block; padding: .05rem .45rem; border-radius: .3rem; font-size: .85em; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.status-exceeded, .status-met { color: #1b5e20; background: #e8f5e9; }
.status-not_met { color: #b71c1c; background: #ffebee; }
.status-no_data, .status-no_target { color: #37474f; background: #eceff1; }
.status-draft, .status-reopened { color: #37474f; background: #eceff1; }
.status-submitted { color: #8a4b00; background: #fff3e0; }
.status-approved { color: #1b5e20; background: #e8f5e9; }
.narrative { border-left: 4px solid #1565c0; background: #f5f9ff; margin: 1rem 0; padding: .75rem 1rem; }
.narrative textarea { width: 100%; min-height: 8rem; font: inherit; }
.chart-block { display: grid; grid-template-columns: minmax(0, 720px) minmax(0, 1fr); gap: 1rem; align-items: start; margin: 1rem 0; }
.compare-filters label { max-width: 100%; min-width: 0; }
.compare-table th { position: relative; }
#xu-huong select { max-width: 100%; }
.compare-filters select { max-width: 100%; }
.compare-table .compare-whole th, .compare-table .compare-whole td { font-weight: 700; border-top: 2px solid #1a1a1a; }
.trend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
.trend-grid > figure { margin: 0; border: 1px solid #cfd8dc; padding: .5rem; }
.trend-grid table { font-size: .85em; }
.chart { max-width: 100%; height: auto; }
.entry-table input[type="text"] { width: 9rem; text-align: right; }
.entry-table .unit { white-space: nowrap; color: #455a64; }
.entry-table .field-error { margin: .2rem 0 0; }
.entry-warning { margin: .3rem 0 0; padding: .3rem .5rem; border-left: 4px solid #e65100; background: #fff3e0; max-width: 22rem; }
.entry-warning .field-warning { margin: 0 0 .3rem; color: #8a3a00; }
.context-note { display: block; font-size: .85em; color: #455a64; }
.import-errors li { font-family: inherit; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0; }
@media (max-width: 70rem) { .chart-block { grid-template-columns: 1fr; } }
@media print { .no-print { display: none; } }
`;

export function registerTargetAssets(app: OpenAPIHono<AppEnv>): void {
  app.get(TARGETS_CSS_PATH, (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(CSS);
  });
}
