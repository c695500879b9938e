import type { ConfigInput, LogLevel } from "../config/types.js"

/**
 * The `start`/`run`/`sequence` options that map onto config keys (commander camel-cases them).
 *
 * @example
 * const options: RunFlagOptions = { tps: 50, workers: 20, rpcUrl: ["http://127.0.0.1:8545"] }
 */
export type RunFlagOptions = {
  rpcUrl?: string[]
  chainId?: number
  duration?: number
  count?: number
  tps?: number
  workers?: number
  wallets?: number
  walletSeed?: string
  tasks?: string[]
  weights?: Record<string, number>
  seed?: number
  db?: string
  logLevel?: LogLevel
  blockTime?: number
  taskTimeout?: number
  maxOutage?: number
  rpcTimeout?: number
}

/**
 * Turns parsed flags into the `flags` layer of `loadConfig` (highest precedence). Flags that were
 * not given stay absent, so the file and environment values show through.
 *
 * @example
 * flagsToConfigInput({ tps: 50, wallets: 10 }) // { targetTps: 50, wallets: { count: 10 } }
 */
export function flagsToConfigInput(options: RunFlagOptions): ConfigInput {
  const input: ConfigInput = {}
  if (options.rpcUrl !== undefined) input.rpcUrls = options.rpcUrl
  if (options.chainId !== undefined) input.chainId = options.chainId
  if (options.duration !== undefined) input.durationSeconds = options.duration
  if (options.count !== undefined) input.count = options.count
  if (options.tps !== undefined) input.targetTps = options.tps
  if (options.workers !== undefined) input.workers = options.workers
  if (options.wallets !== undefined || options.walletSeed !== undefined)
    input.wallets = {
      ...(options.wallets === undefined ? {} : { count: options.wallets }),
      ...(options.walletSeed === undefined ? {} : { seed: options.walletSeed }),
    }
  if (options.tasks !== undefined) input.tasks = options.tasks
  if (options.weights !== undefined) input.taskWeights = options.weights
  if (options.seed !== undefined) input.seed = options.seed
  if (options.db !== undefined) input.database = options.db
  if (options.logLevel !== undefined) input.logLevel = options.logLevel
  if (options.blockTime !== undefined) input.blockTimeSeconds = options.blockTime
  if (options.taskTimeout !== undefined) input.taskTimeoutMs = options.taskTimeout * 1000
  if (options.maxOutage !== undefined || options.rpcTimeout !== undefined)
    input.rpc = {
      ...(options.maxOutage === undefined ? {} : { maxOutageSeconds: options.maxOutage }),
      ...(options.rpcTimeout === undefined ? {} : { timeoutMs: options.rpcTimeout }),
    }
  return input
}
