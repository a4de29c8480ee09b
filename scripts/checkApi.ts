/**
 * `npm run check:api`: every office-js member the production code uses, resolved by the TypeScript compiler to its
 * declaration in @types/office-js, with the requirement set its JSDoc names (`[Api set: ExcelApi 1.13]`).
 *
 * Fails when a member
 *   - needs an ExcelApi version above the manifest's minimum (manifest.xml, `<Set Name="ExcelApi" MinVersion>`) and
 *     is used outside a branch guarded by `isSetSupported("ExcelApi", v)` or the host's `supports(v)` with v at least
 *     the member's version;
 *   - belongs to a preview, web-only (ExcelApiOnline) or desktop-only (ExcelApiDesktop) set, guarded or not.
 *
 *   tsx scripts/checkApi.ts            check, print the table
 *   tsx scripts/checkApi.ts --write    also rewrite docs/office-api.md
 *
 * What counts as guarded (lexically, as a reader would check it): the then-branch of an `if`, `? :` or `&&` whose
 * condition calls the guard (or is a const initialised by such a call), the else-branch of its negation, and the
 * statements after `if (!guard) return/throw`. Members named only in `load("a,b/c")` strings are not resolved; the
 * properties are read afterwards through ordinary property accesses, which are.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

export interface ApiUse {
  member: string;
  /** The set as the typings write it, e.g. "ExcelApi 1.13"; "" when the declaration names none. */
  set: string;
  file: string;
  line: number;
  /** Highest ExcelApi version a surrounding guard proves, or null. */
  guard: string | null;
  problem: string | null;
}

export interface CheckOptions {
  /** Project root (for tsconfig.json, manifest.xml and relative paths). */
  root: string;
  /** Files to check; default: src/**\/*.ts(x) without tests and fixtures. */
  files?: string[];
  /** Default: the ExcelApi MinVersion in manifest.xml. */
  minimum?: string;
}

export interface CheckResult {
  minimum: string;
  uses: ApiUse[];
  violations: ApiUse[];
}

export function manifestMinimum(root: string): string {
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(xml);
  if (!m) throw new Error('manifest.xml has no <Set Name="ExcelApi" MinVersion="…"/>');
  return m[1]!;
}

export function productionFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "__tests__" && e.name !== "__fixtures__") walk(p);
      } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
        out.push(p);
    }
  };
  walk(path.join(root, "src"));
  return out.sort();
}

/** "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface SetInfo {
  text: string;
  /** Highest ExcelApi version the tag mentions (e.g. "1.1 for get, 1.8 for set" → 1.8), or null. */
  version: string | null;
  /** Preview, web-only or desktop-only. */
  restricted: string | null;
}

/** Reads `[Api set: …]` from the JSDoc above a declaration. */
function setOf(decl: ts.Declaration): SetInfo | null {
  const sf = decl.getSourceFile();
  const trivia = sf.text.slice(decl.getFullStart(), decl.getStart(sf));
  const m = /\[Api set: ([^\]]+)\]/.exec(trivia);
  if (!m) return null;
  const text = m[1]!.trim();
  const first = /^(\w+)\s+(\S+)/.exec(text);
  let restricted: string | null = null;
  if (first && /Online$/.test(first[1]!)) restricted = "web-only";
  else if (first && /Desktop$/.test(first[1]!)) restricted = "desktop-only";
  else if (/BETA|PREVIEW/i.test(first?.[2] ?? "") || /@beta/.test(trivia)) restricted = "preview";
  let version: string | null = null;
  if (first?.[1] === "ExcelApi")
    for (const v of text.match(/\b1\.\d+\b/g) ?? [])
      if (!version || compareVersions(v, version) > 0) version = v;
  return { text, version, restricted };
}

const isOfficeTypings = (decl: ts.Declaration): boolean =>
  /[\\/]@types[\\/]office-js[\\/]/.test(decl.getSourceFile().fileName);

// ---- guards

interface Guard {
  version: string;
  negated: boolean;
}

/** The ExcelApi version a guard call checks: isSetSupported("ExcelApi", "1.13") or supports("1.13"). */
function guardCall(node: ts.Expression): string | null {
  if (!ts.isCallExpression(node)) return null;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : "";
  const args = node.arguments.filter(ts.isStringLiteralLike).map((a) => a.text);
  if (name === "isSetSupported" && args[0] === "ExcelApi" && args[1]) return args[1];
  if (name === "supports" && args.length === 1 && /^\d+\.\d+$/.test(args[0]!)) return args[0]!;
  return null;
}

/** Guards a condition proves when true (negated: when false). */
function guardsOf(cond: ts.Expression, checker: ts.TypeChecker, negated = false): Guard[] {
  const e = skipParens(cond);
  const direct = guardCall(e);
  if (direct) return [{ version: direct, negated }];
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
    return guardsOf(e.operand, checker, !negated);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // a && b proves both when true; a || b proves both when false.
    if (
      (op === ts.SyntaxKind.AmpersandAmpersandToken && !negated) ||
      (op === ts.SyntaxKind.BarBarToken && negated)
    )
      return [...guardsOf(e.left, checker, negated), ...guardsOf(e.right, checker, negated)];
    return [];
  }
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (
      decl &&
      ts.isVariableDeclaration(decl) &&
      decl.initializer &&
      ts.isVariableDeclarationList(decl.parent) &&
      decl.parent.flags & ts.NodeFlags.Const
    )
      return guardsOf(decl.initializer, checker, negated);
  }
  return [];
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

const exits = (s: ts.Statement): boolean => {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) {
    const last = s.statements[s.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
};

/** Highest ExcelApi version proved at `node` by the branches around it. */
function provedAt(node: ts.Node, checker: ts.TypeChecker): string | null {
  let best: string | null = null;
  const prove = (guards: Guard[], whenTrue: boolean) => {
    for (const g of guards)
      if (g.negated !== whenTrue && (!best || compareVersions(g.version, best) > 0)) best = g.version;
  };
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression)
      prove(guardsOf(p.expression, checker), child === p.thenStatement);
    else if (ts.isConditionalExpression(p) && child !== p.condition)
      prove(guardsOf(p.condition, checker), child === p.whenTrue);
    else if (
      ts.isBinaryExpression(p) &&
      child === p.right &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
    )
      prove(guardsOf(p.left, checker), true);
    // if (!supported) return; … the rest of the block runs only when supported.
    if ((ts.isBlock(p) || ts.isSourceFile(p)) && ts.isStatement(child)) {
      const statements = p.statements as ts.NodeArray<ts.Statement>;
      for (const s of statements.slice(0, statements.indexOf(child)))
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement))
          prove(guardsOf(s.expression, checker), false);
    }
  }
  return best;
}

// ---- the walk

function memberName(decl: ts.Declaration, checker: ts.TypeChecker): string {
  const sym = (decl as { symbol?: ts.Symbol }).symbol;
  const full = sym ? checker.getFullyQualifiedName(sym) : decl.getText();
  return full.replace(/^"[^"]*"\./, "");
}

export function checkApi(options: CheckOptions): CheckResult {
  const root = options.root;
  const minimum = options.minimum ?? manifestMinimum(root);
  const files = options.files ?? productionFiles(root);
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    }
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const program = ts.createProgram(files, {
    ...config.options,
    typeRoots: [path.join(root, "node_modules", "@types")],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const uses: ApiUse[] = [];
  const seen = new Set<string>();

  const record = (at: ts.Node, decls: readonly ts.Declaration[] | undefined) => {
    const decl = decls?.find(isOfficeTypings);
    if (!decl) return;
    const info = setOf(decl);
    const sf = at.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1;
    const member = memberName(decl, checker);
    const file = path.relative(root, sf.fileName).split(path.sep).join("/");
    const key = `${member}@${file}:${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    const guard = provedAt(at, checker);
    let problem: string | null = null;
    if (info?.restricted) problem = `${info.restricted} (${info.text})`;
    else if (info?.version && compareVersions(info.version, minimum) > 0) {
      if (!guard || compareVersions(guard, info.version) < 0)
        problem = `needs ExcelApi ${info.version} (manifest minimum ${minimum}) and is not guarded by isSetSupported/supports("${info.version}")`;
    }
    uses.push({ member, set: info?.text ?? "", file, line, guard, problem });
  };

  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node))
        record(node.name, checker.getSymbolAtLocation(node.name)?.declarations);
      else if (ts.isObjectLiteralExpression(node)) {
        // { allowFormatColumns: true } passed where office-js expects an options interface.
        const type = checker.getContextualType(node);
        if (type)
          for (const prop of node.properties)
            if (prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)))
              record(prop.name, type.getProperty(prop.name.text)?.declarations);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  uses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.member.localeCompare(b.member));
  return { minimum, uses, violations: uses.filter((u) => u.problem) };
}

// ---- output

export function renderTable(result: CheckResult): string {
  const rows = result.uses.map(
    (u) =>
      `| \`${u.member}\` | ${u.set || "—"} | ${u.file}:${u.line} | ${u.guard ? `yes (${u.guard})` : "no"} |` +
      (u.problem ? ` **${u.problem}** |` : " |")
  );
  return [
    "| member | set | file:line | guarded | problem |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export function renderDoc(result: CheckResult): string {
  const bySet = new Map<string, number>();
  for (const u of result.uses) bySet.set(u.set || "(none)", (bySet.get(u.set || "(none)") ?? 0) + 1);
  return [
    "# Office APIs the add-in uses",
    "",
    "Generated by `npm run check:api -- --write` (scripts/checkApi.ts); do not edit by hand. The check runs in",
    "`npm run lint` and fails when a member needs an ExcelApi version above the manifest's minimum",
    `(ExcelApi ${result.minimum}) outside a branch guarded by \`isSetSupported\` or the Excel host's \`supports()\`, or`,
    "belongs to a preview, web-only (ExcelApiOnline) or desktop-only (ExcelApiDesktop) set.",
    "",
    "Each row is one use in production code (src/, tests excluded) of a member declared in @types/office-js; the",
    "set is the declaration's `[Api set: …]` tag (empty for members that name none, e.g. `context.sync`).",
    '"Guarded" is the highest ExcelApi version a surrounding `isSetSupported`/`supports()` branch proves.',
    "",
    "Uses per set: " +
      [...bySet.entries()]
        .sort((a, b) => a[0].localeCompare(b[0], "en", { numeric: true }))
        .map(([s, n]) => `${s} ${n}`)
        .join(", ") +
      ".",
    "",
    renderTable(result),
    "",
  ].join("\n");
}

function main(): void {
  const root = path.resolve(__dirname, "..");
  const result = checkApi({ root });
  console.log(renderTable(result));
  console.log(
    `\n${result.uses.length} uses of office-js members; manifest minimum ExcelApi ${result.minimum}; ${result.violations.length} problem(s).`
  );
  if (process.argv.includes("--write")) {
    fs.writeFileSync(path.join(root, "docs", "office-api.md"), renderDoc(result));
    console.log("docs/office-api.md written.");
  }
  for (const v of result.violations) console.error(`${v.file}:${v.line}: ${v.member}: ${v.problem}`);
  if (result.violations.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
