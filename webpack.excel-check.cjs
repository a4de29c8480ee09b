/**
 * The check page a person runs once in Excel on the web (docs/excel-check.md): `npm run excel-check` builds it into
 * dist-excel-check/ with a manifest to sideload that opens it as the task pane.
 *
 *   EXCEL_CHECK_URL  where dist-excel-check/ will be served (https, trailing slash optional); default
 *                    https://localhost:3000/ as the add-in's own manifest.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const base = (process.env.EXCEL_CHECK_URL || DEV_URL).trim().replace(/\/*$/, "/");

module.exports = (_env, argv = {}) => ({
  mode: argv.mode === "development" ? "development" : "production",
  context: __dirname,
  devtool: "source-map",
  entry: { excelCheck: "./src/excelCheck/index.ts" },
  output: {
    path: path.resolve(__dirname, "dist-excel-check"),
    filename: "[name].[contenthash:8].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
        },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "excel-check.html", template: "./src/excelCheck/excelCheck.html" }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets", to: "assets" },
        {
          // The add-in's manifest, pointing at the check page, under its own id so it sits beside the add-in.
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) =>
            content
              .toString()
              .split(`${DEV_URL}taskpane.html`)
              .join(`${base}excel-check.html`)
              .split(DEV_URL)
              .join(base)
              .replace(/<Id>[^<]*<\/Id>/, "<Id>5d6f0d3e-0c1a-4f0e-9a53-0c0ffee17017</Id>")
              .replace(/(<DisplayName DefaultValue=")[^"]*"/, '$1OCOP Excel check"'),
        },
      ],
    }),
  ],
});
