// @testnet/core is ESM-only. package.json points every `require` condition here so that
// `require("@testnet/core")` explains what to do instead of failing with ERR_PACKAGE_PATH_NOT_EXPORTED.
throw new Error(
  '@testnet/core is ESM-only and cannot be loaded with require(). Use `import { defineChain } from "@testnet/core"` from an ES module (a .mjs/.mts file, or "type": "module" in package.json), or `await import("@testnet/core")` from CommonJS.',
)
