/**
 * Builds test/e2e/excel/officeShim.ts into dist-e2e-excel/officeShim.js, one classic script (no chunks: it runs
 * from office.js's CDN address, where no chunk could be fetched). Used only by the browser e2e; scripts/e2e.cjs
 * builds it. Development mode: nothing here ships, and an unminified build is the quicker one.
 */
const path = require("node:path");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "..", "..", "..");

module.exports = {
  mode: "development",
  context: ROOT,
  devtool: false,
  entry: { officeShim: "./test/e2e/excel/officeShim.ts" },
  output: { path: path.join(ROOT, "dist-e2e-excel"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") },
        },
      },
    ],
  },
  performance: { hints: false },
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
};
