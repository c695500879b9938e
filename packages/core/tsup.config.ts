import { defineConfig } from "tsup"
import { entryNames } from "./src/entryNames.js"

// One entry per public subpath (src/entryNames.ts); shared code lands in chunks, so importing
// two subpaths loads one copy of each module.

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(entryNames.map((name) => [name, `src/entries/${name}.ts`])),
  },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // CommonJS consumers get one clear error instead of ERR_PACKAGE_PATH_NOT_EXPORTED.
  onSuccess: "cp src/require.cjs dist/require.cjs",
})
