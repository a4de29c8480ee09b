/**
 * Runs scripts/validate-manifest.cjs (the `npm run validate` command) as a child process: on the real manifest, and
 * on broken copies in a temporary folder laid out like a build (manifest.xml + dist/).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assetsDir, manifestPath, repoRoot, validatorPath } from "./paths";

/** The XSDs kept with the project (a fresh clone has them). */
const schemasDir = join(repoRoot, "schemas", "office-addin-manifest");
const manifest = readFileSync(manifestPath, "utf8");

function run(args: string[]) {
  const result = spawnSync(process.execPath, [validatorPath, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, OCOP_MANIFEST_SCHEMAS: schemasDir },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project: manifest.xml (edited) and a dist/ as the build would leave it. */
function fixture(edit: (xml: string) => string = (x) => x): { dir: string; manifest: string; dist: string } {
  const dir = mkdtempSync(join(tmpdir(), "ocop-manifest-"));
  dirs.push(dir);
  const xml = edit(manifest);
  const dist = join(dir, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dir, "manifest.xml"), xml);
  writeFileSync(join(dist, "manifest.xml"), xml);
  writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(join(dist, "commands.html"), "<!doctype html><title>commands</title>");
  for (const file of readdirSync(assetsDir)) copyFileSync(join(assetsDir, file), join(dist, "assets", file));
  return { dir, manifest: join(dir, "manifest.xml"), dist };
}

function runFixture(f: { manifest: string; dist: string }, extra: string[] = []) {
  return run([f.manifest, "--dist", f.dist, "--outputs", "dist", ...extra]);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { draw } = require("../../scripts/draw-icons.cjs") as { draw(size: number): Buffer };

/** A valid PNG of the given size (the icon drawing, so no extra PNG library or types are needed). */
function png(size: number): Buffer {
  return draw(size);
}

describe("the real manifest", () => {
  test("passes, with outputs derived from webpack.config.js (no build needed)", () => {
    const { code, out } = run(["--outputs", "config"]);
    expect(out).toContain("derived from webpack.config.js");
    expect(out).toMatch(/ok {4}urls {6}10 addresses → 7 files, all emitted/);
    expect(out).toMatch(/ok {4}icons/);
    expect(out).toContain("Manifest OK.");
    expect(out).toContain("valid against OfficeAppManifestV1_1.xsd");
    expect(code).toBe(0);
  });

  test("a clean copy laid out like a build passes, reading dist/", () => {
    const { code, out } = runFixture(fixture());
    expect(out).toMatch(/outputs +read from .*dist\//);
    expect(out).toContain("dist/manifest.xml is current");
    expect(code).toBe(0);
  });

  test("without the schemas it fails loudly, naming where they belong, and still runs the other checks", () => {
    const { code, out } = run(["--outputs", "config", "--schemas", join(tmpdir(), "no-such-schemas")]);
    expect(out).toMatch(
      /FAIL +schema +schemas not found: .*no-such-schemas has no OfficeAppManifestV1_1\.xsd/
    );
    expect(out).toContain("schemas/office-addin-manifest/");
    expect(out).toMatch(/ok +id/);
    expect(out).toMatch(/ok +icons/);
    expect(out).not.toContain("Manifest OK.");
    expect(code).toBe(1);
  });

  test("the schemas are kept with the project, with their source and licence notice", () => {
    expect(existsSync(join(schemasDir, "OfficeAppManifestV1_1.xsd"))).toBe(true);
    const notice = readFileSync(join(schemasDir, "NOTICE.md"), "utf8");
    expect(notice).toContain("OfficeDev/office-js-docs-pr");
    expect(notice).toContain("Creative Commons Attribution 4.0");
  });

  test("SupportUrl names the support page the build ships, in the place the schema requires", () => {
    expect(manifest).toMatch(
      /<HighResolutionIconUrl [^>]*\/>\s*<SupportUrl DefaultValue="https:\/\/localhost:3000\/assets\/support\.html"\/>\s*<Hosts>/
    );
    const page = readFileSync(join(assetsDir, "support.html"), "utf8");
    expect(page).toContain('lang="vi"');
    expect(page).toContain('lang="en"');
  });

  test("a SupportUrl out of place fails the schema step", () => {
    const f = fixture((x) => {
      const support = /\s*<SupportUrl [^>]*\/>/.exec(x)![0];
      return x.replace(support, "").replace("<IconUrl ", `${support.trim()}\n  <IconUrl `);
    });
    const { code, out } = runFixture(f);
    expect(out).toMatch(
      /FAIL +schema +manifest\.xml:\d+: Element '(IconUrl|SupportUrl)': This element is not expected/
    );
    expect(code).toBe(1);
  });
});

describe("broken copies fail with the right message", () => {
  test("wrong Permissions value (schema)", () => {
    const f = fixture((x) =>
      x.replace("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteEverything<")
    );
    const { code, out } = runFixture(f);
    expect(out).toMatch(
      /FAIL +schema +manifest\.xml:\d+: Element 'Permissions': \[facet 'enumeration'\] The value 'ReadWriteEverything' is not an element of the set/
    );
    expect(code).toBe(1);
  });

  test("element out of order: <Requirements> after <Permissions> (schema)", () => {
    const f = fixture((x) => {
      const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(x)![0];
      return x.replace(requirements, "").replace("</Permissions>", `</Permissions>${requirements}`);
    });
    const { code, out } = runFixture(f);
    expect(out).toMatch(
      /FAIL +schema +manifest\.xml:\d+: Element 'Requirements': This element is not expected/
    );
    expect(code).toBe(1);
  });

  test("missing icon", () => {
    const f = fixture();
    rmSync(join(f.dist, "assets", "icon-80.png"));
    const { code, out } = runFixture(f);
    expect(out).toMatch(
      /FAIL +urls +https:\/\/localhost:3000\/assets\/icon-80\.png .*: assets\/icon-80\.png is not emitted by the build/
    );
    expect(out).toMatch(/FAIL +icons +assets\/icon-80\.png: missing \(not in dist\/\)/);
    expect(code).toBe(1);
  });

  test("wrong icon size", () => {
    const f = fixture();
    writeFileSync(join(f.dist, "assets", "icon-32.png"), png(16));
    const { code, out } = runFixture(f);
    expect(out).toMatch(
      /FAIL +icons +assets\/icon-32\.png is 16×16 px; expected 32×32 \(file name icon-32\.png, <IconUrl>/
    );
    expect(code).toBe(1);
  });

  test("an unreferenced icon of the wrong size is caught too (icon-128)", () => {
    const f = fixture();
    writeFileSync(join(f.dist, "assets", "icon-128.png"), png(64));
    const { out, code } = runFixture(f);
    expect(out).toMatch(/FAIL +icons +assets\/icon-128\.png is 64×64 px; expected 128×128/);
    expect(code).toBe(1);
  });

  test("an icon that is not a PNG", () => {
    const f = fixture();
    writeFileSync(join(f.dist, "assets", "icon-16.png"), "GIF89a");
    const { out, code } = runFixture(f);
    expect(out).toMatch(/FAIL +icons +assets\/icon-16\.png: not a PNG file/);
    expect(code).toBe(1);
  });

  test("a changed Id", () => {
    const f = fixture((x) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>0b3e0f2c-7d59-4c1a-9f1e-2a6c5d4b3a21</Id>"));
    const { out, code } = runFixture(f);
    expect(out).toMatch(/FAIL +id +<Id> 0b3e0f2c-7d59-4c1a-9f1e-2a6c5d4b3a21 differs from the recorded Id/);
    expect(code).toBe(1);
  });

  test("an Id that is not a GUID", () => {
    const f = fixture((x) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>ocop-addin</Id>"));
    const { out, code } = run([f.manifest, "--dist", f.dist, "--schemas", join(tmpdir(), "none")]);
    expect(out).toMatch(/FAIL +id +<Id> "ocop-addin" is not a GUID/);
    expect(code).toBe(1);
  });

  test("an undefined resid, and a resid of the wrong kind", () => {
    const f = fixture((x) =>
      x
        .replace('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Commands.Page"/>')
        .replace('<Label resid="OcopGroup.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>')
    );
    const { out, code } = runFixture(f);
    expect(out).toMatch(
      /FAIL +resources +resid "Commands\.Page" on <.*\/FunctionFile> \(line \d+\) is not defined in <Resources>/
    );
    expect(out).toMatch(
      /FAIL +resources +resid "TaskpaneButton\.Tooltip" on <Label> \(line \d+\) is a bt:LongStrings resource; it must be in bt:ShortStrings/
    );
    expect(code).toBe(1);
  });

  test("a string without its en-US override", () => {
    const f = fixture((x) => x.replace('\n          <bt:Override Locale="en-US" Value="OCOP Council"/>', ""));
    const { out, code } = runFixture(f);
    expect(out).toMatch(
      /FAIL +resources +string "TaskpaneButton\.Label" \(line \d+\) has no en-US <Override>/
    );
    expect(code).toBe(1);
  });

  test("a page the build does not emit, and a plain http address", () => {
    const f = fixture((x) =>
      x
        .replace('"https://localhost:3000/commands.html"', '"https://localhost:3000/functions.html"')
        .replace(
          'DefaultValue="https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
          'DefaultValue="http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>'
        )
    );
    const { out, code } = runFixture(f);
    expect(out).toMatch(
      /FAIL +urls +https:\/\/localhost:3000\/functions\.html .*: functions\.html is not emitted by the build/
    );
    expect(out).toMatch(/FAIL +urls +http:\/\/localhost:3000\/taskpane\.html .*: plain http/);
    expect(code).toBe(1);
  });

  test("a stale dist/manifest.xml", () => {
    const f = fixture();
    writeFileSync(
      join(f.dist, "manifest.xml"),
      manifest.replace("<Version>1.0.0.0</Version>", "<Version>0.9.0.0</Version>")
    );
    const { out, code } = runFixture(f);
    expect(out).toMatch(
      /FAIL +dist +dist\/manifest\.xml is not manifest\.xml with its base URL rewritten: dist\/ is stale/
    );
    expect(code).toBe(1);
  });

  test("a dist/manifest.xml rewritten to a production address passes", () => {
    const f = fixture();
    writeFileSync(
      join(f.dist, "manifest.xml"),
      manifest.split("https://localhost:3000/").join("https://ocop.example.vn/addin/")
    );
    const { out, code } = runFixture(f);
    expect(out).toMatch(
      /ok +dist +dist\/manifest\.xml is current, rewritten to https:\/\/ocop\.example\.vn\/addin\//
    );
    expect(code).toBe(0);
  });

  test("not well-formed XML", () => {
    const f = fixture((x) => x.replace("</Hosts>\n  <Requirements>", "</Host>\n  <Requirements>"));
    const { out, code } = run([f.manifest, "--dist", f.dist, "--schemas", join(tmpdir(), "none")]);
    expect(out).toMatch(/FAIL +parse +not well-formed XML at line \d+: <\/Host> closes <Hosts>/);
    expect(code).toBe(1);
  });

  test("bad usage exits 2", () => {
    expect(run(["--outputs", "somewhere"]).code).toBe(2);
  });
});
