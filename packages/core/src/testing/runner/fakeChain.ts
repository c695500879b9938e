/**
 * An in-memory JSON-RPC double for unit tests of the pipeline and the receipt tracker: blocks are
 * appended by the test, every call is logged in order, answers follow the node's JSON shapes.
 */
import { keccak256 } from "ethers"
import type { BaseError } from "../../errors/base.js"
import { RpcMethodNotFoundError } from "../../errors/rpc.js"
import { Err, Ok, type Result } from "../../result.js"
import type { RpcReceipt } from "../../runner/chainTypes.js"
import { toQuantity } from "../../runner/chainTypes.js"
import type { RunnerRpc } from "../../runner/ports.js"

/**
 * A fake chain and its RPC.
 *
 * @example
 * const chain = createFakeChain()
 * chain.mine([hash])
 */
export type FakeChain = ReturnType<typeof createFakeChain>

/**
 * Creates a fake chain at block 1 (base fee 7 wei).
 *
 * @example
 * const chain = createFakeChain({ blockReceipts: false })
 */
export function createFakeChain(options: { blockReceipts?: boolean } = {}) {
  const calls: { method: string; params: readonly unknown[] }[] = []
  const blocks: { hashes: string[] }[] = [{ hashes: [] }, { hashes: [] }]
  const receipts = new Map<string, RpcReceipt>()
  const sendAnswers = new Map<string, BaseError>()
  const events: string[] = []
  const balances = new Map<string, bigint>()
  let down = false
  function receiptFor(hash: string, block: number, status = "0x1"): RpcReceipt {
    return {
      transactionHash: hash,
      blockNumber: toQuantity(block),
      status,
      gasUsed: "0x5208",
      effectiveGasPrice: "0x7",
      contractAddress: null,
      from: "0x0000000000000000000000000000000000000001",
      to: null,
      logs: [],
    }
  }
  const rpc: RunnerRpc = {
    async request<T>(method: string, params: readonly unknown[]): Promise<Result<T, BaseError>> {
      calls.push({ method, params })
      events.push(method)
      if (down) return Err(new RpcMethodNotFoundError({ method, nodeMessage: "connection refused (fake)" }))
      const head = blocks.length - 1
      const answer = (value: unknown) => Ok(value as T)
      switch (method) {
        case "eth_blockNumber":
          return answer(toQuantity(head))
        case "eth_getBlockByNumber": {
          const number = Number(BigInt(params[0] as string))
          const block = blocks[number]
          if (block === undefined) return answer(null)
          return answer({
            number: toQuantity(number),
            timestamp: toQuantity(1_700_000_000 + number),
            gasLimit: "0x1c9c380",
            baseFeePerGas: "0x7",
            transactions: block.hashes,
          })
        }
        case "eth_getBlockReceipts": {
          if (options.blockReceipts === false)
            return Err(
              new RpcMethodNotFoundError({ method, nodeCode: -32601, nodeMessage: "Method not found" }),
            )
          const number = Number(BigInt(params[0] as string))
          // anvil 1.7.1 answers null for a block not mined yet
          const block = blocks[number]
          return answer(block === undefined ? null : block.hashes.map((hash) => receipts.get(hash)))
        }
        case "eth_getTransactionReceipt":
          return answer(receipts.get(params[0] as string) ?? null)
        case "eth_sendRawTransaction": {
          const hash = keccak256(params[0] as string)
          const error = sendAnswers.get(hash)
          if (error !== undefined) return Err(error)
          return answer(hash)
        }
        case "eth_getBalance":
          return answer(toQuantity(balances.get((params[0] as string).toLowerCase()) ?? 0n))
        case "eth_sendRawTransactionSync": {
          if (params.length !== 1)
            return Err(new RpcMethodNotFoundError({ method, nodeMessage: "invalid type" }))
          const hash = keccak256(params[0] as string)
          const number = blocks.length
          blocks.push({ hashes: [hash] })
          const receipt = receiptFor(hash, number)
          receipts.set(hash, receipt)
          return answer(receipt)
        }
        case "eth_getTransactionCount":
          return answer("0x0")
        default:
          return Err(new RpcMethodNotFoundError({ method, nodeMessage: "not in the fake" }))
      }
    },
  }
  return {
    rpc,
    calls,
    events,
    /** Appends a block holding these hashes (status "0x0" for those in `reverted`; `fields` overrides every receipt's). */
    mine(hashes: readonly string[] = [], reverted: readonly string[] = [], fields: Partial<RpcReceipt> = {}) {
      const number = blocks.length
      blocks.push({ hashes: [...hashes] })
      for (const hash of hashes)
        receipts.set(hash, {
          ...receiptFor(hash, number, reverted.includes(hash) ? "0x0" : "0x1"),
          ...fields,
        })
    },
    /** The next eth_sendRawTransaction of this hash fails with `error`. */
    rejectSend(hash: string, error: BaseError) {
      sendAnswers.set(hash, error)
    },
    /** From now on every call fails (the node went away). */
    goDown() {
      down = true
    },
    setBalance(address: string, balance: bigint) {
      balances.set(address.toLowerCase(), balance)
    },
    count(method: string) {
      return calls.filter((call) => call.method === method).length
    },
  }
}
