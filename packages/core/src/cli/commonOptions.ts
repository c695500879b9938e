import { type Command, Option } from "commander"
import {
  collect,
  parseList,
  parseNonNegativeInteger,
  parsePositiveInteger,
  parsePositiveNumber,
  parseShard,
  parseWeights,
} from "./flagParsers.js"
import { addFundingOptions } from "./fundingFlags.js"

const logLevels = ["trace", "debug", "info", "warn", "error", "silent"]

/**
 * Options every command understands: --config, --json, --verbose, --log-level.
 *
 * @example
 * addCommonOptions(program.command("tasks"))
 */
export function addCommonOptions(command: Command): Command {
  return command
    .option("-c, --config <file>", "TOML config file (flags > environment > file > defaults)")
    .option("--json", "machine-readable output (JSON lines)")
    .option("-v, --verbose", "show error details and cause chains")
    .addOption(new Option("--log-level <level>", "log verbosity").choices(logLevels))
}

/**
 * Options of the commands that talk to a chain and record to the database.
 *
 * @example
 * addConnectionOptions(program.command("db"))
 */
export function addConnectionOptions(command: Command): Command {
  return command
    .option("--rpc-url <url>", "JSON-RPC endpoint, repeatable (none: start the embedded devnet)", collect)
    .option("--chain-id <id>", "expected chain id (checked against the node)", parsePositiveInteger)
    .option("--db <path|url>", "SQLite file, :memory: or postgres:// URL")
    .option(
      "--max-outage <seconds>",
      "end the run (exit 1) when no endpoint has answered for this long (rpc.max_outage_seconds, default 60)",
      parsePositiveNumber,
    )
    .option(
      "--rpc-timeout <ms>",
      "per-request RPC timeout in milliseconds (rpc.timeout_ms, default 10000)",
      parsePositiveInteger,
    )
}

/**
 * Options that shape a load run.
 *
 * @example
 * addRunOptions(program.command("start"))
 */
export function addRunOptions(command: Command): Command {
  command
    .option("-d, --duration <seconds>", "stop after this many seconds", parsePositiveNumber)
    .option("-n, --count <tasks>", "stop after this many tasks", parsePositiveInteger)
    .option("--tps <n>", "target task starts per second (open loop)", parsePositiveNumber)
    .option("-w, --workers <n>", "maximum tasks in flight", parsePositiveInteger)
    .option("--wallets <n>", "number of wallets to use", parsePositiveInteger)
    .option(
      "--wallet-seed <text>",
      "seed of the worker wallets derived from TESTNET_FUNDER_KEY when no wallet source is configured (wallets.seed, default: the chain's name)",
    )
    .option("-t, --tasks <names>", "only these tasks (comma-separated)", parseList)
    .option("--weights <name=w,...>", "override task weights", parseWeights)
    .option("--seed <n>", "seed for reproducible choices", parseNonNegativeInteger)
    .option(
      "--shard <index/count>",
      "this machine's wallets: wallet i belongs to shard (i mod COUNT)+1, e.g. 2/4; auto: a Kubernetes Indexed Job's pod (JOB_COMPLETION_INDEX, TESTNET_SHARD_COUNT)",
      parseShard,
    )
    .option("--block-time <seconds>", "embedded devnet block time (never automine)", parsePositiveNumber)
    .option("--task-timeout <seconds>", "fail a task after this many seconds", parsePositiveNumber)
    .option(
      "--sync-send",
      "send with eth_sendRawTransactionSync where the chain offers it (each call waits for inclusion)",
    )
  return addFundingOptions(command)
}
