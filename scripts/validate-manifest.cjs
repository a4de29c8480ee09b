#!/usr/bin/env node
/**
 * npm run validate — offline checks of the add-in manifest (no Microsoft validation service, no network).
 *
 *   node scripts/validate-manifest.cjs [manifest.xml] [--outputs auto|dist|config] [--dist DIR] [--schemas DIR]
 *
 * 1. schema     the manifest against Microsoft's XSDs (OfficeAppManifestV1_1.xsd, the other XSDs preloaded for its
 *               imports) with xmllint-wasm. The schemas are kept with the project in schemas/office-addin-manifest/
 *               (source and licence in its NOTICE.md); $OCOP_MANIFEST_SCHEMAS or --schemas names another folder.
 *               Missing schemas are a fault: the check never passes without its schema step.
 * 2. id         <Id> is a GUID and equals MANIFEST_ID below: the Id must never change (Office keys installed copies,
 *               settings and catalogs on it). A new Id is a new add-in.
 * 3. resources  every resid names a resource of the right kind (icon → bt:Images, SourceLocation/FunctionFile/
 *               LearnMoreUrl → bt:Urls, Label/Title → bt:ShortStrings, Description → bt:LongStrings); no duplicate
 *               ids; DisplayName, Description and every string resource carry an en-US <Override> (vi-VN is default).
 * 4. urls       every https://localhost:3000/ address names a file the build emits; no plain http:// addresses.
 *               "Emitted" is read from dist/ when it exists (--outputs dist), else derived from webpack.config.js
 *               (--outputs config: HtmlWebpackPlugin filenames + CopyWebpackPlugin patterns). The report says which.
 *               With dist/, dist/manifest.xml must be this manifest with only the base URL rewritten (else stale).
 * 5. icons      every icon the manifest names, and every assets/icon-N.png, is a PNG whose header gives exactly
 *               the size its name (icon-32 → 32×32), its <bt:Image size="…"> and its role (IconUrl 32,
 *               HighResolutionIconUrl 64) imply.
 *
 * Exit code: 0 when nothing failed, 1 on any fault, 2 on bad usage.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** The add-in's Id, generated once (2026-11-29). Never change it; see check 2 above. */
const MANIFEST_ID = "91fa2711-f763-4859-8a49-f33a70cc022c";
const DEV_BASE = "https://localhost:3000/";
const REQUIRED_OVERRIDE_LOCALE = "en-US";
const ROOT = path.join(__dirname, "..");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

// ---------------------------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text and line numbers. Enough for a manifest (no DTDs, no entities
// beyond the predefined and numeric ones); the XSD step is the authority on well-formedness and structure.

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e];
  });
}

function parseXml(source) {
  const root = { name: "#document", attrs: {}, children: [], text: "", line: 1, parent: null };
  let node = root;
  let i = 0;
  const lineAt = (pos) => source.slice(0, pos).split("\n").length;
  const fail = (message, pos) => {
    throw new Error(`not well-formed XML at line ${lineAt(pos)}: ${message}`);
  };
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    if (lt < 0) {
      node.text += decodeEntities(source.slice(i));
      break;
    }
    if (lt > i) node.text += decodeEntities(source.slice(i, lt));
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4);
      if (end < 0) fail("unterminated comment", lt);
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", lt)) {
      const end = source.indexOf("]]>", lt + 9);
      if (end < 0) fail("unterminated CDATA section", lt);
      node.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith("<?", lt)) {
      const end = source.indexOf("?>", lt + 2);
      if (end < 0) fail("unterminated processing instruction", lt);
      i = end + 2;
    } else if (source.startsWith("<!", lt)) {
      fail("DOCTYPE declarations are not expected in a manifest", lt);
    } else if (source[lt + 1] === "/") {
      const end = source.indexOf(">", lt);
      if (end < 0) fail("unterminated end tag", lt);
      const name = source.slice(lt + 2, end).trim();
      if (name !== node.name) fail(`</${name}> closes <${node.name}>`, lt);
      node = node.parent;
      i = end + 1;
    } else {
      const tag = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
        source.slice(lt)
      );
      if (!tag) fail("malformed start tag", lt);
      const attrs = {};
      for (const a of tag[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      }
      const element = { name: tag[1], attrs, children: [], text: "", line: lineAt(lt), parent: node };
      node.children.push(element);
      if (!tag[3]) node = element;
      i = lt + tag[0].length;
    }
  }
  if (node !== root) fail(`<${node.name}> is not closed`, source.length);
  const top = root.children[0];
  if (!top) throw new Error("not well-formed XML: no root element");
  return top;
}

const local = (name) => name.slice(name.indexOf(":") + 1);
function* walk(element) {
  yield element;
  for (const child of element.children) yield* walk(child);
}
const childrenNamed = (element, name) => element.children.filter((c) => local(c.name) === name);
const firstNamed = (element, name) => {
  for (const e of walk(element)) if (local(e.name) === name) return e;
  return null;
};
const pathOf = (element) => {
  const names = [];
  for (let e = element; e && e.name !== "#document"; e = e.parent) names.unshift(local(e.name));
  return names.join("/");
};

// ---------------------------------------------------------------------------------------------------------------
// PNG header: signature, then the IHDR chunk with width and height (big-endian) at bytes 16–23.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes) {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------------------------
// What the build emits: read from dist/, or derived from the webpack configuration.

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

/** Map of output path ("assets/icon-32.png") → file to read its bytes from (null for generated pages). */
function outputsFromDist(distDir) {
  const files = new Map();
  for (const rel of listFiles(distDir)) files.set(rel, path.join(distDir, rel));
  const newest = Math.max(...[...files.values()].map((f) => fs.statSync(f).mtimeMs));
  return {
    files,
    source: "dist",
    description:
      `read from ${path.relative(process.cwd(), distDir) || "."}/ (${files.size} files, ` +
      `newest ${new Date(newest).toISOString().slice(0, 16).replace("T", " ")} UTC)`,
  };
}

function outputsFromConfig(configPath) {
  const exported = require(configPath);
  const config = typeof exported === "function" ? exported({}, { mode: "production" }) : exported;
  const context = config.context || path.dirname(configPath);
  // The plugin classes as the config itself resolves them, so instanceof is exact.
  const requireFromConfig = require("node:module").createRequire(configPath);
  const HtmlWebpackPlugin = requireFromConfig("html-webpack-plugin");
  const CopyWebpackPlugin = requireFromConfig("copy-webpack-plugin");
  const files = new Map();
  const described = [];
  for (const plugin of config.plugins || []) {
    if (plugin instanceof HtmlWebpackPlugin) {
      const filename = (plugin.userOptions && plugin.userOptions.filename) || "index.html";
      if (typeof filename !== "string") throw new Error("HtmlWebpackPlugin filename is not a plain string");
      files.set(filename, null);
      described.push(`HtmlWebpackPlugin ${filename}`);
    } else if (plugin instanceof CopyWebpackPlugin) {
      for (const pattern of plugin.patterns || []) {
        const spec = typeof pattern === "string" ? { from: pattern } : pattern;
        if (/[*?{}[\]]/.test(spec.from) || typeof spec.to === "function") {
          throw new Error(
            `cannot derive outputs from the glob/function pattern ${JSON.stringify(spec.from)}`
          );
        }
        const from = path.resolve(context, spec.from);
        if (!fs.existsSync(from)) throw new Error(`CopyWebpackPlugin source ${spec.from} does not exist`);
        const to = spec.to === undefined ? "" : String(spec.to).replace(/\/$/, "");
        if (fs.statSync(from).isDirectory()) {
          for (const rel of listFiles(from)) files.set(to ? `${to}/${rel}` : rel, path.join(from, rel));
          described.push(`CopyWebpackPlugin ${spec.from}/ → ${to || "."}/`);
        } else {
          files.set(to || path.basename(from), from);
          described.push(`CopyWebpackPlugin ${spec.from} → ${to || path.basename(from)}`);
        }
      }
    }
  }
  return {
    files,
    source: "config",
    description:
      `derived from ${path.relative(process.cwd(), configPath)} (${described.join("; ")}; JS chunks not listed: ` +
      `hashed names, never referenced by the manifest) — dist/ not read; run npm run build first to check the real output`,
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function schemaCheck(manifestText, manifestName, schemasDir, report) {
  if (!schemasDir || !fs.existsSync(path.join(schemasDir, MAIN_SCHEMA))) {
    report.fault(
      "schema",
      `schemas not found: ${schemasDir ? path.relative(process.cwd(), schemasDir) || "." : "no folder"} has no ${MAIN_SCHEMA}, ` +
        "so the manifest cannot be checked against them. They belong in schemas/office-addin-manifest/ " +
        "(restore them from git), or name their folder with --schemas or OCOP_MANIFEST_SCHEMAS."
    );
    return;
  }
  const { validateXML } = require("xmllint-wasm");
  const xsds = fs.readdirSync(schemasDir).filter((f) => f.endsWith(".xsd"));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemasDir, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: manifestName, contents: manifestText }],
    schema: [read(MAIN_SCHEMA)],
    preload: xsds.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  if (result.valid) {
    report.ok("schema", `valid against ${MAIN_SCHEMA} (+ ${xsds.length - 1} imported XSDs)`);
    return;
  }
  const errors = result.errors.length ? result.errors : [{ rawMessage: result.rawOutput.trim() }];
  for (const error of errors) {
    const text = error.rawMessage
      .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/[^}]*\}/g, "")
      .replace(/Schemas validity error : /, "");
    report.fault("schema", text);
  }
}

function idCheck(root, report) {
  const id = childrenNamed(root, "Id")[0];
  const value = id ? id.text.trim() : "";
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  if (!guid.test(value)) report.fault("id", `<Id> "${value}" is not a GUID`);
  else if (value.toLowerCase() !== MANIFEST_ID) {
    report.fault(
      "id",
      `<Id> ${value} differs from the recorded Id ${MANIFEST_ID}: the Id must never change ` +
        "(a new Id installs as another add-in; restore it, or update MANIFEST_ID in scripts/validate-manifest.cjs only for a new add-in)"
    );
  } else report.ok("id", `${value} (a GUID, equal to the recorded Id)`);
}

/** Which resource collection a resid on this element must point into. */
function residKind(element) {
  const name = local(element.name);
  if (name === "Image") return "Images";
  if (name === "SourceLocation" || name === "FunctionFile" || name === "LearnMoreUrl") return "Urls";
  if (name === "Label" || name === "Title") return "ShortStrings";
  if (name === "Description") return "LongStrings";
  return null;
}

function resourceCheck(root, report) {
  const resources = firstNamed(root, "Resources");
  const defined = new Map(); // id → kind
  let faults = 0;
  if (resources) {
    for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      for (const collection of childrenNamed(resources, kind)) {
        for (const item of collection.children) {
          const id = item.attrs.id;
          if (defined.has(id)) {
            report.fault("resources", `resource id "${id}" is defined twice (line ${item.line})`);
            faults++;
          }
          defined.set(id, kind);
          if (kind.endsWith("Strings") && !hasOverride(item)) {
            report.fault(
              "resources",
              `string "${id}" (line ${item.line}) has no ${REQUIRED_OVERRIDE_LOCALE} <Override>`
            );
            faults++;
          }
        }
      }
    }
  }
  for (const name of ["DisplayName", "Description"]) {
    const element = childrenNamed(root, name)[0];
    if (element && !hasOverride(element)) {
      report.fault(
        "resources",
        `<${name}> (line ${element.line}) has no ${REQUIRED_OVERRIDE_LOCALE} <Override>`
      );
      faults++;
    }
  }
  const used = new Set();
  let references = 0;
  for (const element of walk(root)) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    references++;
    used.add(resid);
    const want = residKind(element);
    const have = defined.get(resid);
    if (!have) {
      report.fault(
        "resources",
        `resid "${resid}" on <${pathOf(element)}> (line ${element.line}) is not defined in <Resources>`
      );
      faults++;
    } else if (want && have !== want) {
      report.fault(
        "resources",
        `resid "${resid}" on <${local(element.name)}> (line ${element.line}) is a bt:${have} resource; it must be in bt:${want}`
      );
      faults++;
    }
  }
  const unused = [...defined.keys()].filter((id) => !used.has(id));
  if (unused.length) report.note("resources", `defined but not referenced: ${unused.join(", ")}`);
  if (!faults) {
    report.ok(
      "resources",
      `${references} references to ${used.size} resources, all defined with the right kind; ` +
        `strings have ${REQUIRED_OVERRIDE_LOCALE} overrides`
    );
  }
}

function hasOverride(element) {
  return childrenNamed(element, "Override").some((o) => o.attrs.Locale === REQUIRED_OVERRIDE_LOCALE);
}

/** Every URL-valued place in the manifest: [url, element, how it is used]. */
function urlsIn(root) {
  const found = [];
  for (const element of walk(root)) {
    for (const [attr, value] of Object.entries(element.attrs)) {
      if (attr.startsWith("xmlns")) continue;
      if (/^https?:\/\//i.test(value))
        found.push({ url: value, element, where: `${local(element.name)} ${attr}` });
    }
    const text = element.children.length ? "" : element.text.trim();
    if (/^https?:\/\//i.test(text)) found.push({ url: text, element, where: local(element.name) });
  }
  return found;
}

function outputPathOf(url) {
  return decodeURIComponent(url.slice(DEV_BASE.length).replace(/[?#].*$/, ""));
}

function urlCheck(root, outputs, report) {
  let faults = 0;
  const files = new Set();
  const urls = urlsIn(root);
  for (const { url, element, where } of urls) {
    const label = `${url} (<${where}>, line ${element.line})`;
    if (url.startsWith(DEV_BASE)) {
      const rel = outputPathOf(url);
      files.add(rel);
      if (!outputs.files.has(rel)) {
        report.fault(
          "urls",
          `${label}: ${rel} is not emitted by the build (outputs ${outputs.source === "dist" ? "in dist/" : "per webpack.config.js"})`
        );
        faults++;
      }
    } else if (/^http:\/\//i.test(url)) {
      report.fault("urls", `${label}: plain http; Office loads add-in pages and icons over https only`);
      faults++;
    } else {
      report.note("urls", `${label}: not on ${DEV_BASE}, not checked against the build`);
    }
  }
  if (!faults) report.ok("urls", `${urls.length} addresses → ${files.size} files, all emitted`);
}

function expectedIconSizes(root) {
  // rel path → [{size, why}]
  const expected = new Map();
  const add = (url, size, why) => {
    if (!url || !url.startsWith(DEV_BASE) || !/\.png$/i.test(url)) return;
    const rel = outputPathOf(url);
    if (!expected.has(rel)) expected.set(rel, []);
    const list = expected.get(rel);
    if (!list.some((r) => r.why === why)) list.push({ size, why });
  };
  const roles = { IconUrl: 32, HighResolutionIconUrl: 64 };
  for (const [name, size] of Object.entries(roles)) {
    const element = childrenNamed(root, name)[0];
    if (element) add(element.attrs.DefaultValue, size, `<${name}>`);
  }
  const images = new Map();
  const resources = firstNamed(root, "Resources");
  if (resources)
    for (const c of childrenNamed(resources, "Images")) for (const i of c.children) images.set(i.attrs.id, i);
  for (const element of walk(root)) {
    if (local(element.name) === "Image" && element.attrs.resid && element.attrs.size) {
      const image = images.get(element.attrs.resid);
      if (image)
        add(
          image.attrs.DefaultValue,
          Number(element.attrs.size),
          `<bt:Image size="${element.attrs.size}" resid="${element.attrs.resid}">`
        );
    }
  }
  for (const image of images.values()) add(image.attrs.DefaultValue, null, `bt:Image ${image.attrs.id}`);
  return expected;
}

function iconCheck(root, outputs, report) {
  let faults = 0;
  const expected = expectedIconSizes(root);
  // Every assets/icon-N.png the build ships, referenced or not.
  for (const rel of outputs.files.keys()) {
    if (/^assets\/icon-\d+\.png$/.test(rel) && !expected.has(rel)) expected.set(rel, []);
  }
  for (const [rel, reasons] of expected) {
    const fromName = /-(\d+)\.png$/i.exec(rel);
    const wants = reasons.filter((r) => r.size !== null);
    if (fromName) wants.unshift({ size: Number(fromName[1]), why: `file name ${path.basename(rel)}` });
    const file = outputs.files.get(rel);
    if (!file) {
      if (outputs.files.has(rel)) continue; // generated, not an image
      report.fault(
        "icons",
        `${rel}: missing (${outputs.source === "dist" ? "not in dist/" : "no source file per webpack.config.js"}), needed by ${reasons.map((r) => r.why).join(", ")}`
      );
      faults++;
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) {
      report.fault("icons", `${rel}: not a PNG file (${path.relative(process.cwd(), file)})`);
      faults++;
      continue;
    }
    const sizes = new Set(wants.map((w) => w.size));
    if (sizes.size > 1) {
      report.fault(
        "icons",
        `${rel}: contradictory sizes: ${wants.map((w) => `${w.size} from ${w.why}`).join(", ")}`
      );
      faults++;
    } else if (sizes.size === 1) {
      const want = wants[0].size;
      if (size.width !== want || size.height !== want) {
        report.fault(
          "icons",
          `${rel} is ${size.width}×${size.height} px; expected ${want}×${want} (${wants.map((w) => w.why).join(", ")})`
        );
        faults++;
      }
    }
  }
  if (!faults)
    report.ok("icons", `${expected.size} icons, each a PNG of exactly the size its name and use imply`);
}

/** dist/manifest.xml must be the source with only https://localhost:3000/ rewritten (ADDIN_PUBLIC_URL). */
async function distManifestCheck(sourceText, outputs, schemasDir, report) {
  const file = outputs.files.get("manifest.xml");
  if (!file) {
    report.fault("dist", "dist/ has no manifest.xml: the build copies it; run npm run build");
    return;
  }
  const built = fs.readFileSync(file, "utf8");
  const base = (/<IconUrl DefaultValue="(https?:\/\/[^"]*?)assets\//.exec(built) || [])[1];
  if (!base || sourceText.split(DEV_BASE).join(base) !== built) {
    report.fault(
      "dist",
      "dist/manifest.xml is not manifest.xml with its base URL rewritten: dist/ is stale, run npm run build"
    );
    return;
  }
  if (!base.startsWith("https://"))
    report.fault("dist", `dist/manifest.xml points at ${base}: Office needs https`);
  else if (base === DEV_BASE)
    report.ok("dist", "dist/manifest.xml is current (base URL unchanged, ADDIN_PUBLIC_URL unset at build)");
  else {
    const sub = makeReport(true);
    await schemaCheck(built, "dist-manifest.xml", schemasDir, sub);
    for (const f of sub.faults) report.fault("dist", `dist/manifest.xml: ${f}`);
    if (!sub.faults.length) report.ok("dist", `dist/manifest.xml is current, rewritten to ${base}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------

function makeReport(quiet) {
  const faults = [];
  const print = (line) => {
    if (!quiet) console.log(line);
  };
  return {
    faults,
    ok: (step, text) => print(`  ok    ${step.padEnd(9)} ${text}`),
    note: (step, text) => print(`  note  ${step.padEnd(9)} ${text}`),
    fault: (step, text) => {
      faults.push(text);
      print(`  FAIL  ${step.padEnd(9)} ${text}`); // stdout, so CI logs keep the order of the steps
    },
  };
}

function defaultSchemasDir() {
  if (process.env.OCOP_MANIFEST_SCHEMAS) return path.resolve(process.env.OCOP_MANIFEST_SCHEMAS);
  return path.join(ROOT, "schemas", "office-addin-manifest");
}

async function validate(options = {}) {
  const manifestPath = path.resolve(options.manifest || path.join(ROOT, "manifest.xml"));
  const schemasDir = options.schemas === undefined ? defaultSchemasDir() : path.resolve(options.schemas);
  const distDir = path.resolve(options.dist || path.join(ROOT, "dist"));
  const mode = options.outputs || "auto";
  const report = makeReport(options.quiet);

  if (!options.quiet) console.log(`Manifest ${path.relative(process.cwd(), manifestPath) || manifestPath}`);
  if (!fs.existsSync(manifestPath)) {
    report.fault("read", `${manifestPath} does not exist`);
    return report.faults;
  }
  const text = fs.readFileSync(manifestPath, "utf8");
  await schemaCheck(text, path.basename(manifestPath), schemasDir, report);

  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    report.fault("parse", error.message);
    return report.faults;
  }

  let outputs;
  try {
    const useDist = mode === "dist" || (mode === "auto" && fs.existsSync(distDir));
    if (mode === "dist" && !fs.existsSync(distDir))
      throw new Error(`${distDir} does not exist; run npm run build`);
    outputs = useDist
      ? outputsFromDist(distDir)
      : outputsFromConfig(path.resolve(options.config || path.join(ROOT, "webpack.config.js")));
  } catch (error) {
    report.fault("outputs", `cannot list what the build emits: ${error.message}`);
  }

  idCheck(root, report);
  resourceCheck(root, report);
  if (outputs) {
    report.note("outputs", outputs.description);
    urlCheck(root, outputs, report);
    iconCheck(root, outputs, report);
    if (outputs.source === "dist") await distManifestCheck(text, outputs, schemasDir, report);
  }
  return report.faults;
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--outputs") {
      options.outputs = value();
      if (!["auto", "dist", "config"].includes(options.outputs))
        throw new Error("--outputs is auto, dist or config");
    } else if (arg === "--dist") options.dist = value();
    else if (arg === "--schemas") options.schemas = value();
    else if (arg === "--config") options.config = value();
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else if (!options.manifest) options.manifest = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`validate-manifest: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(
      fs
        .readFileSync(__filename, "utf8")
        .split("\n")
        .slice(2, 30)
        .join("\n")
        .replace(/^ \* ?/gm, "")
    );
    return;
  }
  const faults = await validate(options);
  if (faults.length) {
    console.error(`\n${faults.length} problem(s) found in the manifest.`);
    process.exit(1);
  }
  console.log("\nManifest OK.");
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`validate-manifest: ${error.stack || error}`);
    process.exit(1);
  });
}

module.exports = { validate, parseXml, pngSize, MANIFEST_ID };
