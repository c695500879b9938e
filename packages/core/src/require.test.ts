import { createRequire } from "node:module"
import { describe, expect, it } from "vitest"

// package.json sends every `require` condition to dist/require.cjs, a copy of src/require.cjs
// (entries.test.ts checks the wiring; tools/pack-consume requires the installed tarball).
describe("require() of @testnet/core", () => {
  it("fails with a message that says the package is ESM-only and how to import it", () => {
    const require = createRequire(import.meta.url)
    expect(() => require("./require.cjs")).toThrow(
      /@testnet\/core is ESM-only .*import \{ defineChain \} from "@testnet\/core".*await import\("@testnet\/core"\)/,
    )
  })
})
