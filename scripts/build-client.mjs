// Bundles the browser code under client/ into public/static (run by `npm run build`). The bundles
// are build output, ignored by git: a fresh clone gets them from `npm install` (prepare) or `npm start`.
import { build } from "esbuild";

await build({
  entryPoints: { editor: "client/editor/editor.ts" },
  outdir: "public/static",
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  sourcemap: false,
  legalComments: "linked",
  logLevel: "warning",
});
