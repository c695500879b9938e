import type { Command } from "commander"
import { resolveDatabaseUrl } from "../../config/defaults.js"
import type { Config } from "../../config/types.js"
import type { BaseError } from "../../errors/base.js"
import { CliInvalidFlagError, CliUsageError } from "../../errors/cli.js"
import { loadProxyList } from "../../proxy/proxyList.js"
import { Err } from "../../result.js"
import type { TaskDefinition } from "../../tasks/defineTask.js"
import { createTaskRegistry } from "../../tasks/registry.js"
import { parseCampaign, refuseCampaignOnSqlite, resolveCampaignFlag } from "../campaignFlag.js"
import { addNetworkOption, applyNetwork } from "../chainNetwork.js"
import { addCommonOptions, addConnectionOptions, addRunOptions } from "../commonOptions.js"
import type { RunFlagOptions } from "../configFlags.js"
import type { CliContext, CommandResult, OutcomeSlot } from "../context.js"
import { executeLoad, type LoadRequest } from "../executeLoad.js"
import { parseList, parsePort, parsePositiveNumber, type Shard, type ShardFlag } from "../flagParsers.js"
import { type FundingFlags, resolveFundingAmounts } from "../fundingFlags.js"
import { exampleTaskNames } from "../helpText.js"
import { loadCommandConfig } from "../loadCommandConfig.js"
import { resolveShardFlag } from "../shardFlag.js"
import { loadStartConfig } from "../startDefaults.js"

type LoadOptions = RunFlagOptions &
  FundingFlags & {
    config?: string
    json?: boolean
    verbose?: boolean
    shard?: ShardFlag
    campaign?: string
    syncSend?: boolean
    /** `--no-report` sets it to false (start only). */
    report?: boolean
    reportDir?: string
    metricsPort?: number
    metricsLinger?: number
    reclaim?: boolean
    network?: string
  }

/**
 * `start`, `run <task>` and `sequence <a,b,c>`: the commands that drive the runner.
 *
 * @example
 * registerLoadCommands(program, context, slot) // then: tempo start --tps 50 --duration 60
 */
export function registerLoadCommands(program: Command, context: CliContext, slot: OutcomeSlot): void {
  const name = context.programName
  // Examples name real tasks of this chain's catalog (a test checks every one).
  const [first, second, third] = exampleTaskNames(context.chain)
  addRunOptions(
    addNetworkOption(addConnectionOptions(addCommonOptions(program.command("start"))), context.chain),
  )
    .description("run the load: weighted random tasks at the target rate until duration/count/Ctrl-C")
    .option(
      "--campaign <name>",
      "the campaign this shard belongs to (default: TESTNET_CAMPAIGN, else derived from the plan when sharded)",
      parseCampaign,
    )
    .option("--no-report", "do not write the HTML report at the end of the run")
    .option("--reclaim", "at the end of the run, send what is left on the worker wallets back to the funder")
    .option("--report-dir <directory>", "where the end-of-run report goes (default ./reports)")
    .option(
      "--metrics-port <port>",
      "serve Prometheus metrics on 127.0.0.1:PORT during the run (0: any free port)",
      parsePort,
    )
    .option(
      "--metrics-linger <seconds>",
      "keep the metrics endpoint up this long after the run, so a scraper gets the final values",
      parsePositiveNumber,
    )
    .addHelpText(
      "after",
      `
Examples:
  $ ${name} start --duration 60 --tps 20                # embedded devnet, 60 s at 20 tasks/s
  $ ${name} start --rpc-url https://rpc.example --config testnet.toml --wallets 50
  $ ${name} start --tasks ${first},${second} --seed 7 --count 1000 --json
  $ ${name} start --shard 2/4 --db postgres://user@db/testnet   # machine 2 of 4, shared database
  $ ${name} start --shard 2/4 --campaign soak-1 --db postgres://user@db/testnet   # named campaign
  $ ${name} start --rpc-url https://rpc.example --funding-target 0.5 --funding-threshold 0.1
  $ ${name} start --rpc-url https://rpc.example --sync-send      # eth_sendRawTransactionSync where offered
  $ ${name} start --duration 30 --no-report                      # no ./reports/<chain>-<run>.html at the end
  $ ${name} start --metrics-port 9464                            # Prometheus scrape target during the run`,
    )
    .action(slot.wrap(async (options: LoadOptions) => prepare(context, options, { kind: "start" })))

  addRunOptions(
    addNetworkOption(addConnectionOptions(addCommonOptions(program.command("run"))), context.chain),
  )
    .description("run one task once and print what it did")
    .argument("<task>", "task name (see the tasks command)")
    .addHelpText(
      "after",
      `\nExamples:\n  $ ${name} run ${first}\n  $ ${name} run ${second} --rpc-url http://127.0.0.1:8545`,
    )
    .action(
      slot.wrap(async (task: string, options: LoadOptions) =>
        prepare(context, options, { kind: "run", task }),
      ),
    )

  addRunOptions(
    addNetworkOption(addConnectionOptions(addCommonOptions(program.command("sequence"))), context.chain),
  )
    .description("run several tasks once each, in the given order, with one wallet")
    .argument("<tasks>", "comma-separated task names", (text: string) => parseList(text))
    .addHelpText("after", `\nExamples:\n  $ ${name} sequence ${second},${third}`)
    .action(
      slot.wrap(async (tasks: string[], options: LoadOptions) =>
        prepare(context, options, { kind: "sequence", tasks }),
      ),
    )
}

type RequestedMode =
  | { kind: "start" }
  | { kind: "run"; task: string }
  | { kind: "sequence"; tasks: readonly string[] }

async function prepare(
  userContext: CliContext,
  userOptions: LoadOptions,
  requested: RequestedMode,
): Promise<CommandResult> {
  // --network NAME: the network's RPC URL and chain id, and the chain as that network.
  const networked = applyNetwork(userContext.chain, userOptions)
  if (networked.isErr()) return Err(networked.error)
  const options = networked.value.options
  const context: CliContext = { ...userContext, chain: networked.value.chain }
  const registry = createTaskRegistry(context.chain.tasks)
  const named =
    requested.kind === "run" ? [requested.task] : requested.kind === "sequence" ? requested.tasks : []
  const tasks: TaskDefinition[] = []
  for (const taskName of named) {
    const found = registry.get(taskName)
    if (found.isErr()) return found
    tasks.push(found.value)
  }
  const funding = resolveFundingAmounts(context.chain, options)
  if (funding.isErr()) return funding
  // `start` takes the chain's start defaults (devnet or real network) where the user set nothing.
  const loaded =
    requested.kind === "start"
      ? await loadStartConfig(context.chain, { environment: context.io.environment, options })
      : (await loadCommandConfig(context, options)).map((value) => ({ config: value, notice: undefined }))
  if (loaded.isErr()) return loaded
  const config = loaded.map((value) => value.config)
  const shard = resolveShardFlag(options.shard, context.io.environment)
  if (shard.isErr()) return shard
  const refused = refuseFlags(context, options, shard.value, config.value)
  if (refused !== undefined) return Err(refused)
  const campaign =
    requested.kind === "start" ? resolveCampaignFlag(options.campaign, context.io.environment) : undefined
  if (campaign?.isErr() === true) return Err(campaign.error)
  if (requested.kind === "start") {
    // Weights and filter are checked before anything starts (a typo must not cost a devnet start).
    const selection = registry.select({
      weights: config.value.taskWeights,
      ...(config.value.tasks === undefined ? {} : { tasks: config.value.tasks }),
    })
    if (selection.isErr()) return selection
  }
  const [first] = tasks
  const mode: LoadRequest["mode"] =
    requested.kind === "run" && first !== undefined
      ? { kind: "run", task: first }
      : requested.kind === "sequence"
        ? { kind: "sequence", tasks }
        : { kind: "start" }
  // A bad proxy URL or a missing proxy file is bad input: refused before anything starts.
  const proxyList = await loadProxyList({ urls: config.value.proxies.urls, file: config.value.proxies.file })
  if (proxyList.isErr()) return proxyList
  // Said once everything the user typed is known to be valid, right before the run starts.
  if (loaded.value.notice !== undefined) context.io.stderr.write(`${loaded.value.notice}\n`)
  return executeLoad(context, {
    mode,
    walletsFromFlag: options.wallets !== undefined,
    config: config.value,
    ...(shard.value === undefined ? {} : { shard: shard.value }),
    ...(campaign?.isOk() === true && campaign.value !== undefined ? { campaign: campaign.value } : {}),
    ...(funding.value.target === undefined ? {} : { fundingTarget: funding.value.target }),
    ...(funding.value.threshold === undefined ? {} : { fundingThreshold: funding.value.threshold }),
    syncSend: options.syncSend === true,
    ...(requested.kind === "start" && options.reclaim === true ? { reclaim: true } : {}),
    ...(requested.kind === "start" && options.report !== false
      ? { report: options.reportDir === undefined ? {} : { directory: options.reportDir } }
      : {}),
    ...(requested.kind === "start" && options.metricsPort !== undefined
      ? { metricsPort: options.metricsPort }
      : {}),
    ...(options.metricsLinger === undefined ? {} : { metricsLingerSeconds: options.metricsLinger }),
    json: options.json === true,
    verbose: options.verbose === true,
  })
}

/** Flag combinations that cannot work, refused before a devnet or a database is touched. */
function refuseFlags(
  context: CliContext,
  options: LoadOptions,
  shard: Shard | undefined,
  config: Config,
): BaseError | undefined {
  if (shard !== undefined && config.wallets.count < shard.count)
    return new CliInvalidFlagError({
      flag: "--shard",
      value: `${shard.index}/${shard.count}`,
      reason: `${config.wallets.count} wallet(s) cannot be split between ${shard.count} shards`,
      hints: [
        "Every shard needs at least one wallet: raise --wallets (wallets.count) to the shard count or more.",
      ],
    })
  const sqlite = refuseCampaignOnSqlite(shard, resolveDatabaseUrl(config, context.chain.name))
  if (sqlite !== undefined) return sqlite
  if (options.syncSend === true && context.chain.capabilities.sendRawTransactionSync !== true)
    return new CliUsageError({
      message: `--sync-send: ${context.chain.displayName} does not offer eth_sendRawTransactionSync.`,
    })
  return undefined
}
