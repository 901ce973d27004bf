// Build the explorer: bundle src/main.ts with esbuild and copy the static files
// into ../../api/static/explorer/ (served by the app at /explorer). No network.
import { build, context } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, "../../api/static/explorer");
const watch = process.argv.includes("--watch");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(resolve(here, "static"), out, { recursive: true });

const options = {
  entryPoints: [resolve(here, "src/main.ts")],
  outfile: resolve(out, "explorer.js"),
  bundle: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  legalComments: "linked",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
};

if (watch) {
  const ctx = await context(options);
  await ctx.watch();
  console.log(`watching; writing ${out}`);
} else {
  await build(options);
}
