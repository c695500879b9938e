/**
 * The shapes the runner needs from its collaborators (rpc, nonce, gas, wallet pool, recorder,
 * logger). They mirror the cross-module contracts structurally, so the runner can be tested with
 * small in-memory doubles and so a collaborator's extra methods never leak into the hot path.
 */
import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { RpcRequester } from "../rpc/requester.js"
import type { TransactionFees } from "../tasks/transactionTypes.js"

/**
 * JSON-RPC access. Calls issued in the same tick are batched by the real client.
 *
 * @example
 * const head = await rpc.request<string>("eth_blockNumber", [])
 */
export type RunnerRpc = RpcRequester

/**
 * A nonce lane: one sequence of nonces (protocol nonce, or a Tempo nonce key).
 *
 * @example
 * const lane: RunnerNonceLane = { chainId: 31337, address, nonceKey: 0n }
 */
export type RunnerNonceLane = { chainId: number; address: string; nonceKey: bigint }

/**
 * One reserved nonce; exactly one of markSubmitted / release / markRejected ends it.
 *
 * @example
 * reservation.markSubmitted()
 */
export type RunnerNonceReservation = {
  readonly nonce: bigint
  /** `block`: the current head, for the nonce manager's gap detection. */
  markSubmitted(block?: bigint): void
  release(): void
  markRejected(error: unknown, block?: bigint): "resync" | "submitted" | "released"
}

/**
 * The nonce manager as the runner uses it.
 *
 * @example
 * const reservation = await nonces.reserve(lane)
 */
export type RunnerNonceManager = {
  reserve(lane: RunnerNonceLane): Promise<Result<RunnerNonceReservation, BaseError>>
  confirm(lane: RunnerNonceLane, nextNonce: bigint): void
  resync(lane: RunnerNonceLane): Promise<Result<bigint, BaseError>>
  /** Starts a lane whose pending nonce is already known, without a read (optional). */
  learn?(lane: RunnerNonceLane, pendingNonce: bigint): boolean
  /** Lanes whose lowest submitted nonce waited too long (optional: gap detection). */
  findGaps?(
    currentBlock: bigint,
    maxBlocksWaiting: number,
  ): readonly { lane: RunnerNonceLane; kind: "missing" | "stuck"; expected: bigint; found: bigint }[]
}

/**
 * Fee fields, EIP-1559 or legacy.
 *
 * @example
 * const fees: RunnerFees = { maxFeePerGas: 2n * 10n ** 9n, maxPriorityFeePerGas: 10n ** 9n }
 */
export type RunnerFees = TransactionFees

/**
 * The gas manager as the runner uses it: fees from a per-block cache, fed by the receipt tracker.
 *
 * @example
 * gas.updateFromBlock({ number: 5n, baseFeePerGas: 7n, gasLimit: 30_000_000n })
 */
export type RunnerGasManager = {
  updateFromBlock(
    block: { number: bigint; baseFeePerGas: bigint | null; gasLimit: bigint },
    priorityFee?: bigint,
  ): void
  currentFees(): Result<RunnerFees, BaseError>
  /** Fees for a replacement of `fees` at the latest block (optional: without it nothing is replaced). */
  bump?(fees: RunnerFees): Result<RunnerFees, BaseError>
  /** The latest block fed to `updateFromBlock` (optional). */
  getLatestBlock?(): { number: bigint; baseFeePerGas: bigint | null } | undefined
  /** Gas limit per call shape, estimated once and cached (the run's only gas-limit cache). */
  gasLimitFor(
    shapeKey: string,
    estimate: () => Promise<Result<bigint, unknown>>,
  ): Promise<Result<bigint, BaseError>>
}

/**
 * A local signer (the private key never leaves it).
 *
 * @example
 * const raw = wallet.signTransaction({ type: 2, chainId: 31337, nonce: 0, to, gasLimit: 21000n, maxFeePerGas, maxPriorityFeePerGas })
 */
export type RunnerWallet = {
  readonly address: string
  signTransaction(transaction: import("ethers").TransactionLike): string
  /** Optional: signs and returns the hash computed from the signed bytes (saves a second keccak). */
  signTransactionWithHash?(transaction: import("ethers").TransactionLike): { raw: string; hash: string }
  signDigest(digest: Uint8Array | string): import("ethers").Signature
}

/**
 * A wallet held by one task at a time; `release()` is explicit (the pool applies its cooldown).
 *
 * @example
 * lease.release()
 */
export type RunnerWalletLease = {
  readonly wallet: RunnerWallet
  release(): void
}

/**
 * The wallet pool as the runner uses it.
 *
 * @example
 * const lease = pool.lease() // undefined when every wallet is busy or cooling down
 */
export type RunnerWalletPool = {
  lease(): RunnerWalletLease | undefined
  readonly size: number
  readonly available: number
}

/** Minimal structured logger (pino-compatible). @example logger.info({ sent: 10 }, "progress") */
export type RunnerLogger = {
  debug(object: object, message?: string): void
  info(object: object, message?: string): void
  warn(object: object, message?: string): void
  error(object: object, message?: string): void
  /** A logger with these fields bound (pino's `child`); optional. */
  child?(bindings: Record<string, unknown>): RunnerLogger
}

export { silentLogger } from "../logging/silentLogger.js"
