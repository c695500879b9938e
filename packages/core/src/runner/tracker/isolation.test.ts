import { type FaultyRpcServer, startFaultyRpcServer } from "@testnet/test-helpers"
import { afterEach, describe, expect, it } from "vitest"
import { createRpcClient, type RpcClient } from "../../rpc/client.js"
import { createMemoryRecorder } from "../../testing/runner/memoryRecorder.js"
import { createReceiptTracker } from "../receiptTracker.js"

// The tracker's reads against a real loopback server that hangs: a hung head poll or a hung
// send batch must not stall it (hedged reads, urgent slots of its own).

let server: FaultyRpcServer | undefined
let rpc: RpcClient | undefined

afterEach(async () => {
  await rpc?.close()
  await server?.close()
})

const answer = (call: { method: string; params?: unknown[] }) => {
  if (call.method === "eth_blockNumber") return "0x5"
  if (call.method === "eth_getBlockByNumber")
    return {
      number: call.params?.[0],
      timestamp: "0x1",
      gasLimit: "0x1c9c380",
      baseFeePerGas: "0x7",
      transactions: [],
    }
  return null
}

describe("tracker isolation", () => {
  it("gets past a hung head poll in about the hedge delay, not the timeout", async () => {
    server = await startFaultyRpcServer({ script: [{ kind: "hang" }], answer })
    rpc = createRpcClient({ endpoints: [server.url] })
    const tracker = createReceiptTracker({
      rpc,
      recorder: createMemoryRecorder().recorder,
      hedgeAfterMs: 150,
    })
    const started = performance.now()
    await tracker.start()
    tracker.stop()
    expect(tracker.head).toBe(5n)
    expect(performance.now() - started).toBeLessThan(1_500)
  })

  it("polls the head while every normal slot holds a hung send and an urgent read hangs too", async () => {
    server = await startFaultyRpcServer({
      script: [{ kind: "hang" }, { kind: "hang" }, { kind: "hang" }],
      answer,
    })
    rpc = createRpcClient({ endpoints: [server.url], maxConcurrentBatches: 2, timeoutMs: 30_000 })
    // Two send batches that never answer take both normal slots.
    void rpc.request("eth_sendRawTransaction", ["0x01"], {
      from: "0x00000000000000000000000000000000000000a1",
    })
    await new Promise((resolve) => setImmediate(resolve))
    void rpc.request("eth_sendRawTransaction", ["0x02"], {
      from: "0x00000000000000000000000000000000000000a2",
    })
    await new Promise((resolve) => setImmediate(resolve))
    void rpc.request("eth_chainId", [], { priority: "high" })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(rpc.stats()).toMatchObject({ inFlight: 3, inFlightHigh: 1 })
    const tracker = createReceiptTracker({ rpc, recorder: createMemoryRecorder().recorder, hedgeAfterMs: 0 })
    const started = performance.now()
    await tracker.start()
    tracker.stop()
    expect(tracker.head).toBe(5n)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
