/**
 * JSON-RPC shapes the runner reads (hex strings as returned by the node) and their parsed form.
 */
import type { TransactionReceipt } from "../tasks/transactionTypes.js"

/**
 * A block header as `eth_getBlockByNumber(n, false)` returns it (only the fields read).
 *
 * @example
 * const header = (await rpc.request<RpcBlockHeader>("eth_getBlockByNumber", ["0x5", false])).unwrap()
 */
export type RpcBlockHeader = {
  number: string
  timestamp: string
  gasLimit: string
  baseFeePerGas?: string | null
  /** The block producer (Tempo's validators take fees in their chosen token). */
  miner?: string
  transactions: string[]
}

/**
 * A receipt as the node returns it (only the fields read).
 *
 * @example
 * const receipts = (await rpc.request<RpcReceipt[]>("eth_getBlockReceipts", ["0x5"])).unwrap()
 */
export type RpcReceipt = {
  transactionHash: string
  blockNumber: string
  status?: string | null
  gasUsed: string
  effectiveGasPrice?: string | null
  contractAddress?: string | null
  from: string
  to?: string | null
  logs: readonly { address: string; topics: readonly string[]; data: string }[]
}

/**
 * Parses a node receipt, keeping of each log only what tasks read (address, topics, data): the
 * node's log also carries its own copies of the block hash, transaction hash, block number and
 * indexes, and a receipt lives as long as the task that waits for it (a heap snapshot of the main
 * job found ~4,000 such logs alive). The raw receipt, with its 512-byte bloom, is garbage at once.
 *
 * @example
 * const receipt = parseReceipt(raw, 1_700_000_000)
 */
export function parseReceipt(raw: RpcReceipt, blockTimestamp?: number): TransactionReceipt {
  return {
    hash: raw.transactionHash.toLowerCase(),
    blockNumber: BigInt(raw.blockNumber),
    blockTimestamp,
    status: raw.status === "0x0" ? "reverted" : "success",
    gasUsed: BigInt(raw.gasUsed),
    effectiveGasPrice: BigInt(raw.effectiveGasPrice ?? 0),
    contractAddress: raw.contractAddress ?? null,
    from: raw.from,
    to: raw.to ?? null,
    logs: raw.logs.map(slimLog),
  }
}

function slimLog(log: RpcReceipt["logs"][number]): TransactionReceipt["logs"][number] {
  return { address: log.address, topics: log.topics, data: log.data }
}

/**
 * "0x1f" for 31n — the quantity encoding JSON-RPC expects.
 *
 * @example
 * toQuantity(31n) // "0x1f"
 */
export function toQuantity(value: bigint | number): string {
  return `0x${value.toString(16)}`
}
