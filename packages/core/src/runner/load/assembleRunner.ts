// Builds the Runner of a load run from the config: nonce lanes, fees, fast signers in a seeded
// order, the wallet pool, the funding target and the run plan.

import { createFundingLock } from "../../database/fundingLock.js"
import { createRunMemoryTaskDatabase } from "../../database/runMemoryTaskDatabase.js"
import type { BaseError } from "../../errors/base.js"
import { defaultFundingTarget, nativeFundingHook } from "../../funding/nativeFundingHook.js"
import { Ok, type Result } from "../../result.js"
import { createFastWallets } from "../../signing/fastWallet.js"
import { createRandom } from "../../tasks/random.js"
import { createWalletPool } from "../../wallet/pool.js"
import type { Wallet } from "../../wallet/wallet.js"
import { createChainNonceManager, createConfiguredGasManager } from "../chainPorts.js"
import type { RunnerLogger } from "../ports.js"
import { createRunner, type Runner } from "../run/runner.js"
import type { ConnectedChain } from "./connectChain.js"
import type { OpenedLoadRun } from "./openLoadRun.js"
import type { RunLoadOptions } from "./runLoadOptions.js"

/**
 * Creates the run's Runner; also returns the worker wallets in the order the run leases them.
 *
 * @example
 * const { runner, ordered } = assembleRunner({ options, connected, opened, perWallet, logger }).unwrap()
 */
export function assembleRunner(parameters: {
  options: RunLoadOptions
  connected: ConnectedChain
  opened: OpenedLoadRun
  /** The plan's cost per wallet, when the funding check computed it. */
  perWallet: bigint | undefined
  logger: RunnerLogger
}): Result<{ runner: Runner; ordered: readonly Wallet[] }, BaseError> {
  const { options, connected, opened, perWallet, logger } = parameters
  const { chain, config } = options
  const { rpc, chainId, funder, wallets } = connected
  const { database, runId, seed } = opened
  const nonces = createChainNonceManager(rpc, options.fetchKeyedNonce ?? chain.keyedNonceReader?.(rpc))
  const gas = options.gas ?? createConfiguredGasManager(chain, config)
  // Worker wallets sign through the fast signer (native libsecp256k1 + lean encoder, ethers as the
  // fallback when the binding cannot load): byte-identical transactions, ~10× less CPU per signature.
  const signers = options.signer === "ethers" ? Ok(wallets) : createFastWallets(wallets)
  if (signers.isErr()) return signers
  // The seed fixes the wallet order too: same seed, same first leases.
  const ordered = createRandom(seed).fork("wallets").shuffle(signers.value)
  const pool = createWalletPool(ordered, { cooldownMs: config.leaseCooldownMs })
  const hook = chain.fund ?? nativeFundingHook
  // Without an explicit target, each wallet starts with its share of the plan (when larger than the
  // default), so refills only top up instead of racing a wallet running dry.
  const defaultTarget = defaultFundingTarget(hook, { devnet: connected.useDevnet })
  const fundingTarget =
    options.fundingTarget ??
    (perWallet !== undefined && perWallet > defaultTarget ? perWallet : defaultTarget)

  // Task lookups of created contracts and assets: one database read per kind, then run memory.
  const memory = createRunMemoryTaskDatabase({
    queries: database.queries,
    chainId,
    recorder: database.recorder,
  })
  const runner = createRunner({
    chain,
    ...(options.events === undefined ? {} : { events: options.events }),
    chainId,
    runId,
    plan: {
      targetTps: config.targetTps,
      workers: config.workers,
      ...(config.durationSeconds === undefined ? {} : { durationMs: config.durationSeconds * 1000 }),
      ...(config.count === undefined ? {} : { count: config.count }),
      minDelayMs: config.minDelayMs,
      maxDelayMs: config.maxDelayMs,
      taskWeights: config.taskWeights,
      ...(config.tasks === undefined ? {} : { taskFilter: config.tasks }),
      seed,
      taskTimeoutMs: config.taskTimeoutMs,
      ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
      ...(options.holdLeaseUntilSettled === undefined
        ? {}
        : { holdLeaseUntilSettled: options.holdLeaseUntilSettled }),
    },
    rpc,
    nonces,
    gas,
    recorder: memory.recorder,
    pool,
    wallets: ordered,
    // Funded and reclaimed with the workers, never leased (Tempo: the stable fee sponsor).
    serviceWallets: funder === undefined ? [] : (chain.serviceWallets?.(funder) ?? []),
    database: memory.database,
    logger,
    funding: {
      hook,
      funder,
      target: fundingTarget,
      ...(options.fundingThreshold === undefined ? {} : { threshold: options.fundingThreshold }),
      reclaimAtEnd: options.reclaim ?? false,
      // Shards sharing the database (and the funder key) fund one at a time (ADR 0017).
      lock: createFundingLock({ url: opened.databaseUrl }),
      ...(options.refillIntervalMs === undefined ? {} : { refillIntervalMs: options.refillIntervalMs }),
    },
    tracker: {
      ...(options.dropAfterBlocks === undefined ? {} : { dropAfterBlocks: options.dropAfterBlocks }),
      ...(options.dropAfterMs === undefined ? {} : { dropAfterMs: options.dropAfterMs }),
    },
    useSendRawTransactionSync:
      (options.useSendRawTransactionSync ?? false) && chain.capabilities.sendRawTransactionSync === true,
    setup: connected.setup,
  })
  return Ok({ runner, ordered })
}
