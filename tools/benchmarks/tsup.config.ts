import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/bench.ts", "src/rpcProxyProcess.ts", "src/mainJobProcess.ts"],
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "node20",
  // The workspace's test helpers ship TypeScript sources: bundle the network-conditions proxy in.
  noExternal: [/^@testnet\/test-helpers/],
})
