/**
 * `wallets fund` and `wallets reclaim` as library calls: the wallets `start` would use (config
 * sources, `wallets.count`, the shard's slice) funded from, or emptied back to, the funder.
 */
import { resolveDatabaseUrl } from "../../config/defaults.js"
import type { Config } from "../../config/types.js"
import { createFundingLock } from "../../database/fundingLock.js"
import type { BaseError } from "../../errors/base.js"
import { FundingNoFunderError } from "../../errors/funding.js"
import { fundWallets, reclaimFunds } from "../../funding/fundWallets.js"
import { defaultFundingTarget } from "../../funding/nativeFundingHook.js"
import { Err, Ok, type Result } from "../../result.js"
import type { ChainDefinition } from "../../tasks/defineChain.js"
import type { RunShard } from "../load/shard.js"
import { loadFunder, loadWorkerWallets } from "../load/workerWallets.js"
import type { RunnerLogger } from "../ports.js"
import { type FundingCommandReport, type FundingSession, openFundingSession } from "./fundingSession.js"

/**
 * Options of {@link fundConfiguredWallets} and {@link reclaimConfiguredWallets}.
 *
 * @example
 * const options: FundingCommandOptions = { chain, config, shard: { index: 1, count: 2 }, command: "tempo wallets fund" }
 */
export type FundingCommandOptions = {
  chain: ChainDefinition
  config: Config
  shard?: RunShard
  /** Where wallet sources read their variables (default `process.env`). */
  environment?: Readonly<Record<string, string | undefined>>
  /** Named in errors, e.g. "tempo wallets fund". */
  command?: string
  logger?: RunnerLogger
  /** Gives up waiting for receipts after this long (default 120 s). */
  timeoutMs?: number
}

async function withSession<T>(
  options: FundingCommandOptions,
  body: (session: FundingSession, signal: AbortSignal) => Promise<Result<T, BaseError>>,
): Promise<Result<T, BaseError>> {
  const session = await openFundingSession({
    chain: options.chain,
    config: options.config,
    ...(options.command === undefined ? {} : { command: options.command }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  })
  if (session.isErr()) return session
  try {
    return await body(session.value, AbortSignal.timeout(options.timeoutMs ?? 120_000))
  } finally {
    await session.value.close()
  }
}

/**
 * Tops up every configured wallet below `threshold` (default: the target) to `target` (default
 * 0.05 units of the funding currency) from the funder (`funder.key` / TESTNET_FUNDER_KEY). Refuses
 * before sending anything when the funder cannot cover it all.
 *
 * @example
 * const report = await fundConfiguredWallets({ chain, config, target: 10n ** 17n })
 * if (report.isOk()) for (const transfer of report.value.transfers) console.log(transfer.hash)
 */
export async function fundConfiguredWallets(
  options: FundingCommandOptions & { target?: bigint; threshold?: bigint },
): Promise<Result<FundingCommandReport, BaseError>> {
  const command = options.command ?? "wallets fund"
  const funder = loadFunder(options.config)
  if (funder.isErr()) return funder
  if (funder.value === undefined) return Err(new FundingNoFunderError({ command }))
  const wallets = await loadWorkerWallets(options)
  if (wallets.isErr()) return wallets
  const funderWallet = funder.value
  return withSession({ ...options, command }, async (session, signal) => {
    const target = options.target ?? defaultFundingTarget(session.hook, { devnet: false })
    // With a shared PostgreSQL database, one round at a time per funder: shards starting now fund
    // from the same key (ADR 0017). This session's nonces are read once the lock is held.
    const lock = createFundingLock({ url: resolveDatabaseUrl(options.config, options.chain.name) })
    const held = await lock.hold(
      { chainId: session.chainId, funder: funderWallet.address },
      () =>
        fundWallets({
          ...session.ports,
          funder: funderWallet,
          // The chain's service wallets (Tempo: the stable fee sponsor) are funded with the workers.
          addresses: [...wallets.value, ...(options.chain.serviceWallets?.(funderWallet) ?? [])].map(
            (wallet) => wallet.address,
          ),
          target,
          ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
          signal,
        }),
      { signal },
    )
    if (held.isErr()) return held
    const funded = held.value
    if (funded.isErr()) return funded
    return Ok({
      action: "fund",
      chainId: session.chainId,
      funder: funderWallet.address,
      currency: session.hook.currency,
      wallets: wallets.value.length,
      total: funded.value.total,
      transfers: funded.value.transfers,
    })
  })
}

/**
 * Sends what is left on every configured wallet back to the funder (`funder.address`, else the
 * address of `funder.key`), minus each transfer's fee. Wallets too poor to pay the fee are skipped.
 *
 * @example
 * const report = await reclaimConfiguredWallets({ chain, config })
 * if (report.isOk()) console.log(`${report.value.total} back to ${report.value.funder}`)
 */
export async function reclaimConfiguredWallets(
  options: FundingCommandOptions,
): Promise<Result<FundingCommandReport, BaseError>> {
  const command = options.command ?? "wallets reclaim"
  const funder = loadFunder(options.config)
  if (funder.isErr()) return funder
  const receiver = options.config.funder?.address ?? funder.value?.address
  if (receiver === undefined) return Err(new FundingNoFunderError({ command, receiver: true }))
  const wallets = await loadWorkerWallets(options)
  if (wallets.isErr()) return wallets
  return withSession({ ...options, command }, async (session, signal) => {
    // Service wallets are derived from the funder key: reclaimed with the workers when it is known.
    const service = funder.value === undefined ? [] : (options.chain.serviceWallets?.(funder.value) ?? [])
    const reclaimed = await reclaimFunds({
      ...session.ports,
      wallets: [...wallets.value, ...service],
      funderAddress: receiver,
      signal,
    })
    if (reclaimed.isErr()) return reclaimed
    return Ok({
      action: "reclaim",
      chainId: session.chainId,
      funder: receiver,
      currency: session.hook.currency,
      wallets: wallets.value.length,
      total: reclaimed.value.reclaimed,
      transfers: reclaimed.value.transfers,
    })
  })
}
