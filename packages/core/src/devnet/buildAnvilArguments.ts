import type { ResolvedDevnetOptions } from "./devnetOptions.js"

/**
 * anvil's command line for the given options, bound to 127.0.0.1 only. `--block-time` is always
 * present (never automine), `--silent` keeps stdout quiet (errors still go to stderr).
 *
 * @example
 * buildAnvilArguments(resolveDevnetOptions({ chainId: 42431, network: "tempo" }), 8545)
 * // ["--host", "127.0.0.1", "--port", "8545", "--chain-id", "42431", "--block-time", "1",
 * //  "--gas-limit", "1000000000", "--accounts", "10", "--silent", "--network", "tempo"]
 */
export function buildAnvilArguments(options: ResolvedDevnetOptions, port: number): string[] {
  const argumentsList = [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--chain-id",
    String(options.chainId),
    "--block-time",
    String(options.blockTimeSeconds),
    "--gas-limit",
    options.gasLimit.toString(),
    "--accounts",
    String(options.accounts),
    "--silent",
  ]
  if (options.network !== undefined) argumentsList.push("--network", options.network)
  if (options.hardfork !== undefined) argumentsList.push("--hardfork", options.hardfork)
  if (options.extraArguments !== undefined) argumentsList.push(...options.extraArguments)
  return argumentsList
}
