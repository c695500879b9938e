/**
 * The chain's `start` defaults: what `start` runs when no flag, TESTNET_* variable or config file
 * says otherwise — one shape for the embedded devnet, another (smaller: real funds) for a real
 * network — and the one line that says so, so the defaults never change silently.
 */
import { configDefaults } from "../config/defaults.js"
import { loadConfig } from "../config/load.js"
import type { Config, ConfigInput } from "../config/types.js"
import type { ConfigErrorType } from "../errors/config.js"
import { Ok, type Result } from "../result.js"
import { defaultStartDefaults } from "../tasks/chainStart.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import { flagsToConfigInput, type RunFlagOptions } from "./configFlags.js"

/**
 * The config of a `start`, with the chain's start defaults under everything the user set, and the
 * line to print when some of them were used (undefined when none was).
 *
 * @example
 * const loaded = await loadStartConfig(chain, { environment: process.env, options: { rpcUrl: [url] } })
 * if (loaded.isOk() && loaded.value.notice !== undefined) process.stderr.write(`${loaded.value.notice}\n`)
 */
export async function loadStartConfig(
  chain: ChainDefinition,
  parameters: {
    environment: Readonly<Record<string, string | undefined>>
    options: RunFlagOptions & { config?: string }
  },
): Promise<Result<{ config: Config; notice: string | undefined }, ConfigErrorType>> {
  const common = {
    ...(parameters.options.config === undefined ? {} : { file: parameters.options.config }),
    environment: parameters.environment,
    flags: flagsToConfigInput(parameters.options),
  }
  const plain = await loadConfig(common)
  if (plain.isErr()) return plain
  const devnet = plain.value.rpcUrls.length === 0
  const defaults = chain.startDefaults[devnet ? "devnet" : "network"]
  // A count given anywhere says when to stop: no default duration on top of it.
  const stopsOnItsOwn = plain.value.count !== undefined || plain.value.durationSeconds !== undefined
  const baseline: ConfigInput = {
    targetTps: defaults.targetTps,
    workers: defaults.workers,
    wallets: { count: defaults.wallets },
    ...(defaults.durationSeconds === undefined || stopsOnItsOwn
      ? {}
      : { durationSeconds: defaults.durationSeconds }),
  }
  const shaped = await loadConfig({ ...common, baseline })
  if (shaped.isErr()) return shaped
  const used = usedDefaults(plain.value, shaped.value)
  const where = devnet ? "the embedded devnet" : "a real network"
  // A chain that declares no start defaults runs core's documented ones: nothing to announce.
  const notice =
    used.length === 0 || chain.startDefaults === defaultStartDefaults
      ? undefined
      : `using defaults for ${where}: ${used.map((entry) => entry.text).join(", ")}; set ${used.map((entry) => entry.flag).join(", ")} (or a config file) to change them`
  return Ok({ config: shaped.value, notice })
}

/**
 * The chain defaults the run uses: keys the user left at core's default (so the chain layer
 * decided them). Setting a key to exactly core's default counts as leaving it, which only makes
 * the line mention a value that is in use anyway.
 */
function usedDefaults(plain: Config, shaped: Config) {
  const used: { text: string; flag: string }[] = []
  if (plain.targetTps === configDefaults.targetTps)
    used.push({ text: `${shaped.targetTps} task starts/s`, flag: "--tps" })
  if (plain.workers === configDefaults.workers)
    used.push({ text: `${shaped.workers} tasks in flight`, flag: "--workers" })
  if (plain.wallets.count === configDefaults.wallets.count)
    used.push({ text: `${shaped.wallets.count} wallets`, flag: "--wallets" })
  if (plain.durationSeconds === undefined && shaped.durationSeconds !== undefined)
    used.push({ text: `stop after ${shaped.durationSeconds} s`, flag: "--duration" })
  return used
}
