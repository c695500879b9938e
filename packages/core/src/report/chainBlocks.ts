import type { RpcRequester } from "../rpc/requester.js"
import type { ChainBlockGas } from "./gasPerBlock.js"

/**
 * The JSON-RPC access a report needs (the RPC client, or the runner's `rpc`).
 *
 * @example
 * const rpc: ReportRpc = createRpcClient({ endpoints: ["http://127.0.0.1:8545"] })
 */
export type ReportRpc = RpcRequester

type BlockHeader = { gasUsed: string; gasLimit: string } | null

/**
 * Reads gas used and gas limit of the given blocks from the node, all requests issued in one
 * tick (the RPC client batches them). Returns undefined — the report then uses the journal
 * only — when there are more than `maxBlocks` blocks or any block cannot be read.
 *
 * @example
 * const blocks = await fetchChainBlocks(rpc, [120n, 121n])
 * blocks?.get(120n)?.gasLimit // 1000000000n
 */
export async function fetchChainBlocks(
  rpc: ReportRpc,
  numbers: readonly bigint[],
  maxBlocks = 5000,
): Promise<Map<bigint, ChainBlockGas> | undefined> {
  if (numbers.length === 0 || numbers.length > maxBlocks) return undefined
  const answers = await Promise.all(
    numbers.map((number) =>
      rpc.request<BlockHeader>("eth_getBlockByNumber", [`0x${number.toString(16)}`, false], {
        timeoutMs: 10_000,
      }),
    ),
  )
  const blocks = new Map<bigint, ChainBlockGas>()
  for (const [index, answer] of answers.entries()) {
    const number = numbers[index]
    if (number === undefined || answer.isErr() || answer.value === null) return undefined
    blocks.set(number, { gasUsed: BigInt(answer.value.gasUsed), gasLimit: BigInt(answer.value.gasLimit) })
  }
  return blocks
}
