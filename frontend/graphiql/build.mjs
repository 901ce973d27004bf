// Copy the GraphiQL page's assets from node_modules into api/static/graphiql/, laid out
// as on the CDN (<package>@<version>/<path>), so the API serves them at
// /graphiql-assets/<package>@<version>/<path> and the page works with no network.
// Plain node, no bundler. Fails when an installed version differs from the pinned one.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "api", "static", "graphiql");
const pinned = JSON.parse(readFileSync(join(here, "package.json"), "utf8")).dependencies;

// package -> files the page loads (and the source maps next to them)
const ASSETS = {
  react: ["umd/react.production.min.js"],
  "react-dom": ["umd/react-dom.production.min.js"],
  "js-cookie": ["dist/js.cookie.min.js"],
  graphiql: ["graphiql.min.css", "graphiql.min.css.map", "graphiql.min.js", "graphiql.min.js.map"],
  "@graphiql/plugin-explorer": ["dist/style.css", "dist/index.umd.js"],
};

function installedVersion(name) {
  const meta = JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8"));
  if (meta.version !== pinned[name]) {
    throw new Error(`${name}: installed ${meta.version}, package.json pins ${pinned[name]}; run npm ci`);
  }
  return meta.version;
}

rmSync(out, { recursive: true, force: true });
const manifest = {};
for (const [name, files] of Object.entries(ASSETS)) {
  const version = installedVersion(name);
  for (const file of files) {
    const source = join(here, "node_modules", name, file);
    const relative = `${name}@${version}/${file}`;
    const target = join(out, relative);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    const digest = createHash("sha384").update(readFileSync(target)).digest("base64");
    manifest[relative] = `sha384-${digest}`;
  }
}
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`graphiql assets: ${Object.keys(manifest).length} files -> ${out}`);
