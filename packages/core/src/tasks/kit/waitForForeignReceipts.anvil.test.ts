import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../../devnet/index.js"
import { createRpcClient, type RpcClient } from "../../rpc/client.js"
import type { ChainHead, TaskContext } from "../context.js"
import { waitForForeignReceipts } from "./waitForForeignReceipts.js"

// Receipts of transactions the run does not track, waited for on a real anvil (1 s blocks): with
// the run's head the wait asks once per new block, not every 200 ms.

let devnet: Devnet
let client: RpcClient

beforeAll(async () => {
  devnet = (await startDevnet({ chainId: 31337, blockTimeSeconds: 1, accounts: 2 })).unwrap()
  client = createRpcClient({ endpoints: [devnet.rpcUrl] })
})

afterAll(async () => {
  await client?.close()
  await devnet?.stop()
})

describe("waitForForeignReceipts with the run's head", () => {
  it("finds an unlocked account's transfer, asking for its receipt once per new block", async () => {
    const [sender, recipient] = devnet.accounts
    if (sender === undefined || recipient === undefined) throw new Error("the devnet has 2 accounts")
    // The head as the runner's block feed keeps it: followed by polling the node (100 ms).
    let head: ChainHead | undefined
    const follow = async () => {
      const number = await client.request<string>("eth_blockNumber", [])
      if (number.isOk() && BigInt(number.value) !== head?.number)
        head = { number: BigInt(number.value), timestamp: 0n, miner: undefined }
    }
    await follow()
    const feed = setInterval(() => void follow(), 100)
    let receiptCalls = 0
    const context = {
      rpc: {
        request(method, parameters, options) {
          if (method === "eth_getTransactionReceipt") receiptCalls += 1
          return client.request(method, parameters, options)
        },
      } as TaskContext["rpc"],
      signal: AbortSignal.timeout(20_000),
      task: { name: "foreign", category: "test" },
      head: () => head,
    }
    try {
      const hash = (
        await client.request<string>("eth_sendTransaction", [
          { from: sender.address, to: recipient.address, value: "0x1" },
        ])
      ).unwrap()
      const sentAt = head?.number ?? 0n
      const receipts = (await waitForForeignReceipts(context, [hash], 15_000)).unwrap()
      expect(receipts.map((receipt) => [receipt.transactionHash, receipt.status])).toEqual([[hash, "0x1"]])
      expect(BigInt(receipts[0]?.blockNumber ?? "0")).toBeGreaterThan(sentAt)
      // Mined in the next block or the one after (if that block was sealed before the send arrived):
      // one question per block; polling every 200 ms asked ~5 times per second of waiting.
      expect(receiptCalls).toBeGreaterThanOrEqual(1)
      expect(receiptCalls).toBeLessThanOrEqual(2)
    } finally {
      clearInterval(feed)
    }
  })
})
