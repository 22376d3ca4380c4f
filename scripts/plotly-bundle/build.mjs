// Builds the plotly.js that the site ships, from the packages pinned in package-lock.json:
// entry.js bundled and minified by esbuild, and beside it the licence notices of every
// package the bundle holds. The same inputs give the same bytes, so a test can rebuild the
// bundle and compare it with the committed one.
//
//   node scripts/plotly-bundle/build.mjs [FOLDER]   (default: generator/speelveld/assets)
import { build } from "esbuild";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(process.argv[2] ?? join(HERE, "..", "..", "generator", "speelveld", "assets"));
export const BUNDLE = "plotly.min.js";
export const LICENCE = "plotly.LICENSE.txt";

function packageJson(folder) {
  return JSON.parse(readFileSync(join(HERE, folder, "package.json"), "utf8"));
}

/* The package folder (node_modules/x or node_modules/@scope/x) of a bundled input file. */
function packageOf(input) {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  const length = parts[at + 1].startsWith("@") ? 3 : 2;
  return parts.slice(0, at + length).join("/");
}

/* The text of a package's licence file; what its package.json says when it has none. */
function licenceText(folder, manifest) {
  const file = readdirSync(join(HERE, folder))
    .sort()
    .find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
  if (file) {
    return readFileSync(join(HERE, folder, file), "utf8").replace(/\r\n/g, "\n").trim();
  }
  const author = typeof manifest.author === "object" ? manifest.author.name : manifest.author;
  return `The package has no licence file; its package.json gives the licence ${manifest.license}` +
    (author ? ` and the author ${author}.` : ".");
}

/* plotly.js's registry requires maplibre-gl's style sheet for map traces, which the bundle
 * does not hold: that require gets an empty module, as no page draws a map. */
const noMapStyles = {
  name: "no-map-styles",
  setup(builder) {
    builder.onResolve({ filter: /^maplibre-gl\/dist\/maplibre-gl\.css$/ }, (args) => ({
      path: args.path,
      namespace: "no-map-styles",
    }));
    builder.onLoad({ filter: /.*/, namespace: "no-map-styles" }, () => ({ contents: "", loader: "js" }));
  },
};

const plotly = packageJson("node_modules/plotly.js");
const result = await build({
  absWorkingDir: HERE,
  entryPoints: ["entry.js"],
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "Plotly",
  // As plotly.js's own esbuild-config.js.
  define: { global: "window", "define.amd": "false" },
  target: "es2016",
  legalComments: "none",
  banner: {
    js:
      `/*! plotly.js ${plotly.version} (core, bar, heatmap, pie, locale nl), built by ` +
      `Speelveld's scripts/plotly-bundle | MIT | licences: ${LICENCE} */`,
  },
  plugins: [noMapStyles],
  metafile: true,
  write: false,
  logLevel: "warning",
});

const packages = [...new Set(Object.keys(result.metafile.inputs)
  .filter((input) => input.includes("node_modules/"))
  .map(packageOf))];
const notices = packages
  .map((folder) => [folder, packageJson(folder)])
  .sort(([, a], [, b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  .map(([folder, manifest]) =>
    `${manifest.name} ${manifest.version} (${manifest.license})\n\n${licenceText(folder, manifest)}`);
const licence =
  `${BUNDLE} holds code of the following ${packages.length} packages, bundled by esbuild ` +
  `from entry.js in Speelveld's scripts/plotly-bundle. Their licence notices follow.\n\n` +
  notices.join(`\n\n${"-".repeat(78)}\n\n`) + "\n";

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, BUNDLE), result.outputFiles[0].contents);
writeFileSync(join(OUT, LICENCE), licence);
console.log(`${join(OUT, BUNDLE)}: ${result.outputFiles[0].contents.length} bytes, ${packages.length} packages`);
