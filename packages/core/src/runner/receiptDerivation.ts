/**
 * Receipts the tracker can write from the block alone. A plain value transfer (no calldata) to an
 * address without code always succeeds once mined and always uses the same gas, and its effective
 * gas price follows from the block's base fee and the fees it was signed with — so its receipt
 * holds nothing the block does not already say. Fetching it anyway is the costliest part of
 * confirmation on anvil, whose per-receipt cost grows with the block (docs/benchmarks.md).
 *
 * Whether a recipient has no code is learned, never assumed: a real receipt of a plain transfer to
 * it that succeeded with no logs proves it, and records the gas such a transfer uses on this
 * chain. The proof expires after `verifyEveryMs`; the next block then fetches one real receipt
 * again (a probe) before it derives the others — so a recipient that gained code (a contract
 * deployed to it, an EIP-7702 delegation) is noticed within that period.
 */
import type { TransactionReceipt } from "../tasks/transactionTypes.js"
import type { RunnerFees } from "./ports.js"

/**
 * What the submitter tells the tracker about a plain value transfer.
 *
 * @example
 * const plain: PlainTransfer = { to: "0xabc…", fees: { maxFeePerGas: 2n, maxPriorityFeePerGas: 1n } }
 */
export type PlainTransfer = { to: string; fees: RunnerFees }

/**
 * Recipients proven codeless, with the gas a plain transfer to them uses.
 *
 * @example
 * const recipients = createVerifiedRecipients({ verifyEveryMs: 60_000, now: () => performance.now() })
 * recipients.learn(receipt)
 * recipients.gasUsedFor(receipt.to!) // 21000n while the proof is fresh
 */
export type VerifiedRecipients = {
  /** A real receipt of a plain transfer: learn from it (success, no logs) or forget the recipient. */
  learn(receipt: TransactionReceipt): void
  /** The gas of a plain transfer to `to`, while the proof is fresh; otherwise undefined. */
  gasUsedFor(to: string): bigint | undefined
  readonly size: number
}

/**
 * Creates the recipient cache (bounded: the oldest proofs go first).
 *
 * @example
 * const recipients = createVerifiedRecipients({ verifyEveryMs: 60_000, now: Date.now })
 */
export function createVerifiedRecipients(parameters: {
  verifyEveryMs: number
  now: () => number
  maxRecipients?: number
}): VerifiedRecipients {
  const maxRecipients = parameters.maxRecipients ?? 10_000
  const proofs = new Map<string, { gasUsed: bigint; provenAt: number }>()
  return {
    learn(receipt) {
      if (receipt.to === null) return
      const to = receipt.to.toLowerCase()
      proofs.delete(to)
      if (receipt.status !== "success" || receipt.logs.length > 0 || receipt.contractAddress !== null) return
      proofs.set(to, { gasUsed: receipt.gasUsed, provenAt: parameters.now() })
      if (proofs.size > maxRecipients) proofs.delete(proofs.keys().next().value as string)
    },
    gasUsedFor(to) {
      const proof = proofs.get(to.toLowerCase())
      if (proof === undefined || parameters.now() - proof.provenAt > parameters.verifyEveryMs)
        return undefined
      return proof.gasUsed
    },
    get size() {
      return proofs.size
    },
  }
}

/**
 * The price per gas a transaction paid in a block: `min(maxFee, baseFee + priority)` for EIP-1559,
 * the gas price for legacy; undefined when an EIP-1559 transaction meets a block without base fee.
 *
 * @example
 * effectiveGasPrice({ maxFeePerGas: 10n, maxPriorityFeePerGas: 2n }, 7n) // 9n
 */
export function effectiveGasPrice(fees: RunnerFees, baseFeePerGas: bigint | null): bigint | undefined {
  if ("gasPrice" in fees) return fees.gasPrice
  if (baseFeePerGas === null) return undefined
  const capped = baseFeePerGas + fees.maxPriorityFeePerGas
  // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min would throw on them
  return capped < fees.maxFeePerGas ? capped : fees.maxFeePerGas
}

/**
 * The receipt of a plain transfer to a verified recipient, written from its block.
 *
 * @example
 * const receipt = deriveTransferReceipt({ hash, from, transfer, gasUsed: 21_000n, block: { number: 5n, timestamp: 1_700_000_000, baseFeePerGas: 7n } })
 */
export function deriveTransferReceipt(parameters: {
  hash: string
  from: string
  transfer: PlainTransfer
  gasUsed: bigint
  block: { number: bigint; timestamp: number; baseFeePerGas: bigint | null }
}): TransactionReceipt | undefined {
  const price = effectiveGasPrice(parameters.transfer.fees, parameters.block.baseFeePerGas)
  if (price === undefined) return undefined
  return {
    hash: parameters.hash,
    blockNumber: parameters.block.number,
    blockTimestamp: parameters.block.timestamp,
    status: "success",
    gasUsed: parameters.gasUsed,
    effectiveGasPrice: price,
    contractAddress: null,
    from: parameters.from,
    to: parameters.transfer.to,
    logs: [],
  }
}
