/**
 * @testnet/core/cli — the pieces `runCli` is built from (flag parsers, exit codes, progress and
 * summary rendering, error rendering) and the logger, for a chain that adds its own commands.
 */
export * from "../cli/index.js"
export * from "../logging/index.js"
