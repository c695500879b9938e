/**
 * `--network NAME`: for chains that declare public networks, one flag picks the RPC URL, the chain
 * id and the explorer instead of typing them. `--rpc-url` and `--chain-id` still win.
 */
import { type Command, Option } from "commander"
import { CliInvalidFlagError, type CliInvalidFlagErrorType } from "../errors/cli.js"
import { Err, Ok, type Result } from "../result.js"
import type { ChainNetwork } from "../tasks/chainStart.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import type { RunFlagOptions } from "./configFlags.js"

/**
 * Adds `--network <name>` when the chain declares networks (nothing otherwise).
 *
 * @example
 * addNetworkOption(program.command("start"), tempo)
 */
export function addNetworkOption(command: Command, chain: ChainDefinition): Command {
  const names = Object.keys(chain.networks)
  if (names.length === 0) return command
  return command.addOption(
    new Option(
      "--network <name>",
      `a public network of the chain (sets --rpc-url and --chain-id unless given): ${names.join(", ")}`,
    ),
  )
}

/**
 * The chain and flags for `--network NAME` (case-insensitive): the network's RPC URL and chain id
 * fill `--rpc-url` / `--chain-id` when those are not given, and the chain takes the network's chain
 * id and explorer. Without `--network`, both are returned unchanged. An unknown name is bad input
 * that lists the known ones.
 *
 * @example
 * const applied = applyNetwork(tempo, { network: "moderato" })
 * if (applied.isOk()) applied.value.options.rpcUrl // ["https://rpc.moderato.tempo.xyz"]
 */
export function applyNetwork<Options extends RunFlagOptions & { network?: string }>(
  chain: ChainDefinition,
  options: Options,
): Result<{ chain: ChainDefinition; options: Options }, CliInvalidFlagErrorType> {
  if (options.network === undefined) return Ok({ chain, options })
  const key = Object.keys(chain.networks).find(
    (name) => name.toLowerCase() === options.network?.toLowerCase(),
  )
  const network: ChainNetwork | undefined = key === undefined ? undefined : chain.networks[key]
  if (network === undefined)
    return Err(
      new CliInvalidFlagError({
        flag: "--network",
        value: options.network,
        reason: `known networks of ${chain.name}: ${Object.keys(chain.networks).join(", ") || "none"}`,
      }) as CliInvalidFlagErrorType,
    )
  return Ok({
    chain: Object.freeze({
      ...chain,
      chainId: network.chainId,
      rpcUrls: Object.freeze([network.rpcUrl]),
      explorerUrl: network.explorerUrl ?? chain.explorerUrl,
    }),
    options: {
      ...options,
      rpcUrl: options.rpcUrl ?? [network.rpcUrl],
      chainId: options.chainId ?? network.chainId,
    },
  })
}
