// Bundles the pane's Fluent UI Web Components into one ES module: node pane/build.mjs [outdir]
// Run by the project's MSBuild target (BuildPaneBundle) on every build where Node.js and node_modules are present,
// and by `npm run build`. Nothing it writes is committed.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] ?? path.join(here, "..", "obj", "pane");

await build({
  entryPoints: { fluent: path.join(here, "fluent.entry.js") },
  outdir,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  logLevel: "warning",
});
console.log(`pane bundle written to ${path.join(outdir, "fluent.js")}`);
