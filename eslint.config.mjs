// ESLint 9 flat config: typescript-eslint, React hooks, and Microsoft's office-addins rules for the Excel host.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-excel-check/**",
      "dist-e2e-excel/**",
      "node_modules/**",
      "coverage/**",
      "artifacts/**",
      "src/ocop/criteria/data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks, "office-addins": officeAddins },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-office-initialize": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='only']", message: "No focused tests." },
        { selector: "CallExpression[callee.property.name='skip']", message: "No skipped tests." },
      ],
    },
  },
  {
    // ExcelJS, not office-js: no proxies to load or sync, so these rules only misread its cells.
    files: ["src/hosts/xlsx/**/*.ts", "test/reference/**/*.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    // The rules and the layout are pure: no Office, DOM or file system.
    files: ["src/ocop/**/*.ts", "src/layout/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "fs",
            "node:*",
            "path",
            "exceljs",
            "react",
            "react-dom",
            "*/hosts/*",
            "*/taskpane/*",
            "*/app/*",
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
  {
    // The task pane calls use cases, never office-js.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    // Tests may build the pane on the fake Excel through the real adapter.
    ignores: ["**/*.test.{ts,tsx}", "**/__tests__/**"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
    },
  },
  {
    // Hosts are created in one composition file per surface; views and use cases see only the ports
    // (hosts/workbook.ts: WorkbookHost; app/workbookFiles.ts: WorkbookFiles) and the hosts' neutral messages.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/app/**/*.ts"],
    ignores: ["**/*.test.{ts,tsx}", "**/__tests__/**", "src/taskpane/compose/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/hosts/**", "!**/hosts/workbook", "!**/hosts/messages"],
              message:
                "Hosts are wired in the surface's composition file: src/taskpane/compose/excel.ts (task pane in Excel), src/taskpane/compose/standalone.ts (standalone page), src/cli/compose.ts (command line). Take the WorkbookHost or WorkbookFiles port (src/app/workbookFiles.ts) as a parameter instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module" },
  },
  {
    // Runs in the oldest webviews before the bundle: a plain ES5 browser script (test/taskpane/oldWebview.test.ts).
    files: ["assets/old-webview.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
  }
);
