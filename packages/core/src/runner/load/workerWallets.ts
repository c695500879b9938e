/**
 * Which wallets a command works with on a real network: the first `wallets.count` wallets of the
 * configured sources, or — with no source — `wallets.count` wallets derived from the funder key and
 * `wallets.seed` (the shard's slice of them), and the funder from `funder.key`
 * (TESTNET_FUNDER_KEY). `start`, `wallets fund`, `wallets reclaim` and `wallets list` share this, so
 * they agree on the set.
 */
import type { Config } from "../../config/types.js"
import {
  RunnerInvalidPlanError,
  type RunnerInvalidPlanErrorType,
  RunnerTooManyWalletsError,
  type RunnerTooManyWalletsErrorType,
} from "../../errors/runner.js"
import type { WalletErrorType } from "../../errors/wallet.js"
import { Err, Ok, type Result } from "../../result.js"
import { loadWallets } from "../../wallet/loadWallets.js"
import { deriveWorkerWallets } from "../../wallet/sources/derived.js"
import { createWallet, type Wallet } from "../../wallet/wallet.js"
import { formatShard, type RunShard, selectShard } from "./shard.js"

/**
 * Loads the configured worker wallets and keeps the shard's slice. An empty result is a
 * `RunnerInvalidPlanError` (exit 2 in the CLI) saying why.
 *
 * @example
 * const wallets = await loadWorkerWallets({ config, shard: { index: 1, count: 2 } })
 * if (wallets.isOk()) console.log(wallets.value.map((wallet) => wallet.address))
 */
export async function loadWorkerWallets(parameters: {
  config: Config
  shard?: RunShard | undefined
  environment?: Readonly<Record<string, string | undefined>> | undefined
  /** The chain whose name is the default seed of derived wallets. */
  chain?: { readonly name: string } | undefined
}): Promise<Result<Wallet[], WalletErrorType | RunnerInvalidPlanErrorType | RunnerTooManyWalletsErrorType>> {
  const { config } = parameters
  if (config.wallets.sources.length === 0) {
    const derived = await loadDerivedWallets(config, parameters.chain?.name)
    if (derived.isErr()) return derived
    return keepShard(derived.value, config.wallets.count, parameters.shard)
  }
  // Loaded without a count: asking for more than the sources hold names their size.
  const loaded = await loadWallets(config.wallets.sources, {
    ...(parameters.environment === undefined ? {} : { environment: parameters.environment }),
  })
  if (loaded.isErr()) return loaded
  if (loaded.value.length < config.wallets.count)
    return Err(
      new RunnerTooManyWalletsError({
        requested: config.wallets.count,
        available: loaded.value.length,
      }) as RunnerTooManyWalletsErrorType,
    )
  return keepShard(loaded.value.slice(0, config.wallets.count), config.wallets.count, parameters.shard)
}

/**
 * The seed derived worker wallets use: `wallets.seed` (`--wallet-seed`, TESTNET_WALLETS_SEED), else
 * the chain's name, so that two runs on one chain share their wallets by default.
 *
 * @example
 * walletSeed(config, "tempo") // "tempo" unless wallets.seed is set
 */
export function walletSeed(config: Config, chainName: string | undefined): string {
  return config.wallets.seed ?? chainName ?? "testnet-framework"
}

/** `wallets.count` wallets derived from the funder key; without a funder key there is nothing to derive from. */
async function loadDerivedWallets(
  config: Config,
  chainName: string | undefined,
): Promise<Result<Wallet[], WalletErrorType | RunnerInvalidPlanErrorType>> {
  const funder = loadFunder(config)
  if (funder.isErr()) return funder
  if (funder.value === undefined)
    return Err(
      new RunnerInvalidPlanError({
        reason:
          "no worker wallets: set TESTNET_FUNDER_KEY (worker wallets are derived from it) or add [[wallets.sources]] to the config file",
      }) as RunnerInvalidPlanErrorType,
    )
  const derived = await deriveWorkerWallets({
    funder: funder.value,
    seed: walletSeed(config, chainName),
    count: config.wallets.count,
  })
  if (derived.isErr()) return derived
  return Ok(derived.value.map((loaded) => loaded.wallet))
}

/**
 * The shard's slice of a wallet set (the whole set without a shard); empty is an error.
 *
 * @example
 * const mine = keepShard(generated, config.wallets.count, { index: 2, count: 3 })
 */
export function keepShard<T>(
  wallets: readonly T[],
  configuredCount: number,
  shard: RunShard | undefined,
): Result<T[], RunnerInvalidPlanErrorType> {
  const kept = shard === undefined ? [...wallets] : selectShard(wallets, shard)
  if (kept.length > 0) return Ok(kept)
  return Err(
    new RunnerInvalidPlanError({
      reason:
        shard === undefined
          ? "no worker wallets (wallets.count is 0 or no source given)"
          : `shard ${formatShard(shard)} has no wallets (wallets.count ${configuredCount} is below the shard count)`,
    }) as RunnerInvalidPlanErrorType,
  )
}

/**
 * The funder wallet from `funder.key` (TESTNET_FUNDER_KEY), or undefined when none is configured.
 *
 * @example
 * const funder = loadFunder(config)
 * if (funder.isOk() && funder.value !== undefined) console.log(funder.value.address)
 */
export function loadFunder(config: Config): Result<Wallet | undefined, WalletErrorType> {
  if (config.funder?.key === undefined) return Ok(undefined)
  return createWallet(config.funder.key, "funder key")
}
