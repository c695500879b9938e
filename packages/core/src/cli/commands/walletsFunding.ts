import type { Command } from "commander"
import { CliUsageError } from "../../errors/cli.js"
import { Err, Ok } from "../../result.js"
import {
  fundConfiguredWallets,
  reclaimConfiguredWallets,
} from "../../runner/walletFunding/fundingCommands.js"
import { addNetworkOption, applyNetwork } from "../chainNetwork.js"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, CommandResult, OutcomeSlot } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { collect, parsePositiveInteger, parseShard, type ShardFlag } from "../flagParsers.js"
import { addFundingOptions, type FundingFlags, resolveFundingAmounts } from "../fundingFlags.js"
import { fundingReportJson, renderFundingReport } from "../fundingOutput.js"
import { loadCommandConfig } from "../loadCommandConfig.js"
import { resolveShardFlag } from "../shardFlag.js"

type FundingCommandFlags = FundingFlags & {
  config?: string
  json?: boolean
  rpcUrl?: string[]
  chainId?: number
  wallets?: number
  walletSeed?: string
  /** `wallets fund`: the shards' database, whose funding lock this round takes (PostgreSQL). */
  db?: string
  network?: string
  shard?: ShardFlag
}

function addTargetOptions(command: Command, chain: CliContext["chain"]): Command {
  return addNetworkOption(addCommonOptions(command), chain)
    .option("--rpc-url <url>", "JSON-RPC endpoint of the network, repeatable (required)", collect)
    .option("--chain-id <id>", "expected chain id (checked against the node)", parsePositiveInteger)
    .option(
      "--wallets <n>",
      "the first N wallets of the configured sources, or N derived wallets (wallets.count)",
      parsePositiveInteger,
    )
    .option(
      "--wallet-seed <text>",
      "seed of the wallets derived from TESTNET_FUNDER_KEY when no source is configured (wallets.seed, default: the chain's name)",
    )
    .option("--shard <index/count>", "only this shard's wallets (as `start --shard`), e.g. 2/4", parseShard)
}

/**
 * `wallets fund` and `wallets reclaim`: funding without a run, on a real network (`--rpc-url`),
 * for the wallets `start` would use (config sources, `--wallets`, `--shard`).
 *
 * @example
 * registerFundingCommands(walletsCommand, context, slot) // then: TESTNET_FUNDER_KEY=… tempo wallets fund --rpc-url … -c testnet.toml
 */
export function registerFundingCommands(wallets: Command, context: CliContext, slot: OutcomeSlot): void {
  const name = context.programName
  addFundingOptions(addTargetOptions(wallets.command("fund"), context.chain))
    .option(
      "--db <url>",
      "the shards' database (database): with postgres://, this round waits for and takes their funding lock",
    )
    .description(
      "top up the configured wallets from the funder (TESTNET_FUNDER_KEY); prints every transaction",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ TESTNET_FUNDER_KEY=0x… ${name} wallets fund --rpc-url https://rpc.example -c testnet.toml
  $ TESTNET_FUNDER_KEY=0x… ${name} wallets fund --rpc-url https://rpc.example -c testnet.toml --funding-target 0.5 --json
  $ TESTNET_FUNDER_KEY=0x… ${name} wallets fund --rpc-url https://rpc.example -c testnet.toml --wallets 200 --db postgres://user@db/testnet   # optional pre-funding of 4 shards; takes their funding lock`,
    )
    .action(slot.wrap(async (options: FundingCommandFlags) => execute(context, "fund", options)))

  addTargetOptions(wallets.command("reclaim"), context.chain)
    .description("send what is left on the configured wallets back to the funder (minus fees)")
    .addHelpText(
      "after",
      `
Examples:
  $ TESTNET_FUNDER_ADDRESS=0x… ${name} wallets reclaim --rpc-url https://rpc.example -c testnet.toml
  $ TESTNET_FUNDER_KEY=0x… ${name} wallets reclaim --rpc-url https://rpc.example -c testnet.toml --json`,
    )
    .action(slot.wrap(async (options: FundingCommandFlags) => execute(context, "reclaim", options)))
}

async function execute(
  userContext: CliContext,
  action: "fund" | "reclaim",
  userOptions: FundingCommandFlags,
): Promise<CommandResult> {
  const networked = applyNetwork(userContext.chain, userOptions)
  if (networked.isErr()) return Err(networked.error)
  const options = networked.value.options
  const context: CliContext = { ...userContext, chain: networked.value.chain }
  const command = `${context.programName} wallets ${action}`
  const amounts = resolveFundingAmounts(context.chain, options)
  if (amounts.isErr()) return amounts
  const config = await loadCommandConfig(context, options)
  if (config.isErr()) return config
  if (config.value.wallets.sources.length === 0 && config.value.funder?.key === undefined)
    return Err(
      new CliUsageError({
        message: `\`${command}\` has no wallets: no wallet source is configured and no funder key to derive them from.`,
        hints: [
          "Set TESTNET_FUNDER_KEY (the worker wallets are derived from it and wallets.seed),",
          'or add a [[wallets.sources]] entry to the config file (--config), e.g. kind = "keys-file", path = "keys.txt".',
        ],
      }),
    )
  if (config.value.rpcUrls.length === 0)
    return Err(
      new CliUsageError({
        message: `\`${command}\` needs --rpc-url (or rpc_urls in the config).`,
        hints: ["Funding is for a real network: an embedded devnet forgets every balance when it stops."],
      }),
    )
  const shard = resolveShardFlag(options.shard, context.io.environment)
  if (shard.isErr()) return shard
  const common = {
    chain: context.chain,
    config: config.value,
    environment: context.io.environment,
    command,
    ...(shard.value === undefined ? {} : { shard: shard.value }),
  }
  const report =
    action === "fund"
      ? await fundConfiguredWallets({
          ...common,
          ...(amounts.value.target === undefined ? {} : { target: amounts.value.target }),
          ...(amounts.value.threshold === undefined ? {} : { threshold: amounts.value.threshold }),
        })
      : await reclaimConfiguredWallets(common)
  if (report.isErr()) return report
  context.io.stdout.write(
    options.json === true ? `${fundingReportJson(report.value)}\n` : renderFundingReport(report.value),
  )
  return Ok(exitCodes.ok)
}
