/**
 * What a chain declares about where it runs and how `start` behaves without a config: its public
 * networks (so `--network NAME` can pick one) and the start defaults by kind of target (the
 * embedded devnet can take far more load than a funded key on a real network should spend).
 */

/**
 * One public network of a chain, selected with `--network NAME`.
 *
 * @example
 * const moderato: ChainNetwork = { rpcUrl: "https://rpc.moderato.tempo.xyz", chainId: 42431, explorerUrl: "https://explore.testnet.tempo.xyz" }
 */
export type ChainNetwork = {
  readonly rpcUrl: string
  readonly chainId: number
  readonly explorerUrl?: string
}

/**
 * The load `start` uses when neither flags, environment nor a config file set it.
 *
 * @example
 * const defaults: StartDefaults = { durationSeconds: 60, targetTps: 10, workers: 10, wallets: 10 }
 */
export type StartDefaults = {
  /** Stop after this many seconds (absent: run until Ctrl-C). */
  readonly durationSeconds?: number
  readonly targetTps: number
  readonly workers: number
  readonly wallets: number
}

/**
 * Start defaults by target: the embedded `devnet`, or a real `network` (`--rpc-url`, `--network`
 * or a config file).
 *
 * @example
 * const defaults: ChainStartDefaults = { devnet: { targetTps: 30, workers: 100, wallets: 150 }, network: { targetTps: 10, workers: 10, wallets: 10 } }
 */
export type ChainStartDefaults = {
  readonly devnet: StartDefaults
  readonly network: StartDefaults
}

/**
 * Core's start defaults when a chain declares none: the config defaults on both targets.
 *
 * @example
 * defaultStartDefaults.network.targetTps // 10
 */
export const defaultStartDefaults: ChainStartDefaults = Object.freeze({
  devnet: Object.freeze({ targetTps: 10, workers: 10, wallets: 10 }),
  network: Object.freeze({ targetTps: 10, workers: 10, wallets: 10 }),
})
