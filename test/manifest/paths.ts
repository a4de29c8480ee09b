import { join } from "node:path";

export const repoRoot = join(__dirname, "..", "..");
export const manifestPath = join(repoRoot, "manifest.xml");
export const validatorPath = join(repoRoot, "scripts", "validate-manifest.cjs");
export const assetsDir = join(repoRoot, "assets");
