import type { ReportTransactionRow } from "./loadRunRows.js"
import type { ReportGasPerBlock } from "./types.js"

/**
 * A block's totals as read from the node (`eth_getBlockByNumber`).
 *
 * @example
 * const block: ChainBlockGas = { gasUsed: 30_000_000n, gasLimit: 1_000_000_000n }
 */
export type ChainBlockGas = { gasUsed: bigint; gasLimit: bigint }

/**
 * The run's gas per block (Σ gas_used of its journal rows per included_block, ascending). With
 * `chainBlocks` (read from the node at report time) each block also gets its total gas used and
 * limit, the run's share of the block and the block's utilization.
 *
 * @example
 * const gas = buildGasPerBlock(rows.transactions, chainBlocks)
 */
export function buildGasPerBlock(
  transactions: readonly ReportTransactionRow[],
  chainBlocks?: ReadonlyMap<bigint, ChainBlockGas>,
): ReportGasPerBlock {
  const blocks = new Map<bigint, { gas: bigint; transactions: number }>()
  for (const row of transactions) {
    if (row.includedBlock === undefined) continue
    const block = blocks.get(row.includedBlock) ?? { gas: 0n, transactions: 0 }
    block.gas += row.gasUsed ?? 0n
    block.transactions += 1
    blocks.set(row.includedBlock, block)
  }
  const numbers = [...blocks.keys()].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0))
  const hasChain = chainBlocks !== undefined && numbers.every((number) => chainBlocks.has(number))
  return {
    source: hasChain ? "chain" : "journal",
    blocks: numbers.map((number) => {
      const own = blocks.get(number) ?? { gas: 0n, transactions: 0 }
      const chain = hasChain ? chainBlocks?.get(number) : undefined
      return {
        number: number.toString(),
        transactions: own.transactions,
        runGasUsed: own.gas.toString(),
        blockGasUsed: chain === undefined ? null : chain.gasUsed.toString(),
        gasLimit: chain === undefined ? null : chain.gasLimit.toString(),
        runShare: chain === undefined || chain.gasUsed === 0n ? null : ratio(own.gas, chain.gasUsed),
        utilization:
          chain === undefined || chain.gasLimit === 0n ? null : ratio(chain.gasUsed, chain.gasLimit),
      }
    }),
  }
}

/** numerator / denominator as a float, exact enough for bigints far beyond 2^53. */
function ratio(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 1_000_000n) / denominator) / 1_000_000
}
