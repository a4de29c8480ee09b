/**
 * webpack 5 build of the task pane and the ribbon's FunctionFile page.
 *
 *   npm run build        production build into dist/ (taskpane.html, commands.html, JS chunks, assets/, manifest.xml)
 *   npm run build:dev    the same, unminified
 *   npm start            dev server (scripts/start.cjs), http://127.0.0.1:3000/taskpane.html
 *
 * Environment:
 *   ADDIN_PUBLIC_URL  where dist/ will be hosted, e.g. https://ocop.example.gov.vn/addin/ ; when set, every
 *                     https://localhost:3000/ in dist/manifest.xml is rewritten to it (any mode). Unset: unchanged.
 *   OCOP_DEV_CERT, OCOP_DEV_KEY
 *                     PEM certificate and key for the dev server. When both are set it serves https on
 *                     localhost:3000 (what the manifest points at, and what Excel requires for sideloading);
 *                     otherwise plain http on 127.0.0.1:3000 (standalone page only). See README.
 *
 * office.js is not bundled: the HTML pages load it from Microsoft's CDN in <head>, and `Office`/`Excel` are globals
 * typed by @types/office-js. No Babel: ts-loader emits ES2020 for the WebView2/WKWebView/browser engines that run
 * ExcelApi 1.8+ hosts, and keeps ES modules so webpack can tree-shake Fluent UI.
 */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/** ADDIN_PUBLIC_URL with exactly one trailing slash, or null when unset/empty. */
function publicUrl() {
  const raw = (process.env.ADDIN_PUBLIC_URL || "").trim();
  if (!raw) return null;
  if (!/^https:\/\//.test(raw)) {
    throw new Error(
      `ADDIN_PUBLIC_URL must be an https:// address (Office loads add-ins over https only): ${raw}`
    );
  }
  return raw.replace(/\/*$/, "/");
}

/** The dev server's transport: https when a certificate is given, else http on the loopback address. */
function devServerTransport() {
  const cert = process.env.OCOP_DEV_CERT;
  const key = process.env.OCOP_DEV_KEY;
  if (cert && key) {
    return {
      host: "localhost",
      server: { type: "https", options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } },
    };
  }
  return { host: "127.0.0.1", server: { type: "http" } };
}

module.exports = (_env, argv = {}) => {
  const dev = argv.mode === "development";
  const target = publicUrl();

  return {
    mode: dev ? "development" : "production",
    context: __dirname,
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run lint` (tsc --noEmit); the build only strips types.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React, Fluent UI, Griffel, i18next…: one long-cached chunk for the task pane, separate from our code.
          // Only the pane's chunk: the FunctionFile page must not download the pane's libraries (in development
          // the dev-server client would otherwise land in a shared vendor chunk for both pages).
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
          },
        },
      },
    },
    // webpack measures uncompressed bytes; the budget (issue 7) is initial JS ≤ 350 KB gzipped. Fluent + React
    // minified compress about 3.3:1, so 1.1 MiB raw per entry point ≈ the gzip budget: a warning here means the
    // gzip budget is close. Only JS counts (not source maps, icons or the manifest).
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 1.1 * 1024 * 1024,
      maxAssetSize: 1.1 * 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (target ? content.toString().split(DEV_URL).join(target) : content),
          },
        ],
      }),
    ],
    devServer: {
      ...devServerTransport(),
      port: PORT,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false, errors: true } },
      static: false,
    },
  };
};
