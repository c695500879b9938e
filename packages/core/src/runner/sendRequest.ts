/**
 * What a task asks the submission pipeline to send.
 */
import type { RunnerFees } from "./ports.js"

/**
 * An ordinary transaction (EIP-1559, or legacy when the chain has no EIP-1559). Nonce, fees,
 * chain id and type are filled by the pipeline; `gasLimit` should be given — when it is missing
 * the pipeline estimates ONCE per call shape (target + selector) and caches the result.
 *
 * @example
 * const request: StandardSendRequest = { to: recipient, value: 1n, gasLimit: 21_000n }
 */
export type StandardSendRequest = {
  kind?: "standard"
  to?: string | null
  data?: string
  value?: bigint
  gasLimit?: bigint
  nonceKey?: bigint
  /** Override the fee cache (e.g. a replacement with bumped fees). */
  fees?: RunnerFees
}

/**
 * A chain-specific transaction type (e.g. Tempo 0x76) serialized by the chain's own builder.
 *
 * @example
 * const request: RawSendRequest = { kind: "raw", to: token, nonceKey: 0n, build: ({ nonce, fees }) => signTempoTransaction(wallet, { nonce, ...fees }) }
 */
export type RawSendRequest = {
  kind: "raw"
  to?: string | null
  nonceKey?: bigint
  build(parameters: { nonce: bigint; fees: RunnerFees; chainId: number }): string
}

/**
 * Either request kind.
 *
 * @example
 * await context.send({ to: context.address, value: 0n, gasLimit: 21_000n })
 */
export type SendRequest = StandardSendRequest | RawSendRequest
