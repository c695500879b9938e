/**
 * The subpaths of @testnet/core besides the root, each built from `src/entries/<name>.ts` to
 * `dist/<name>.js` and declared in package.json `exports` (tsup.config.ts and entries.test.ts read
 * this list). Not exported: build configuration only.
 */
export const entryNames = [
  "tasks",
  "runner",
  "database",
  "rpc",
  "cli",
  "report",
  "config",
  "wallet",
  "devnet",
  "testing",
] as const
