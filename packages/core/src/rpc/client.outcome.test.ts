import { type FaultyRpcServer, startFaultyRpcServer } from "@testnet/test-helpers"
import { keccak256 } from "ethers"
import { afterEach, describe, expect, it } from "vitest"
import { createRpcClient, type RpcClient } from "./client.js"
import { classifySendOutcome } from "./sendOutcome.js"

// The client's part of the send-outcome model (ADR 0013) and of the tracker's isolation, against
// real loopback HTTP servers: a refusal after an ambiguous attempt does not prove absence, sync
// sends are not re-sent once they may have arrived, and hedged reads beat hung answers.

const servers: FaultyRpcServer[] = []
const clients: RpcClient[] = []
const raw = "0x02c0ffee"
const hash = keccak256(raw)

async function server(options: Parameters<typeof startFaultyRpcServer>[0]) {
  const started = await startFaultyRpcServer(options)
  servers.push(started)
  return started
}

function client(options: Parameters<typeof createRpcClient>[0]) {
  const created = createRpcClient({ backoff: { baseDelayMs: 5, maxDelayMs: 20 }, ...options })
  clients.push(created)
  return created
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((created) => created.close()))
  await Promise.all(servers.splice(0).map((started) => started.close()))
})

function methodsOf(rpc: FaultyRpcServer): string[] {
  return rpc.requests.flatMap((request) =>
    (Array.isArray(request.body) ? request.body : [request.body]).map((call) => call.method),
  )
}

describe("send outcomes at the RPC edge", () => {
  it("keeps the outcome unknown when a resend after a reset is refused and the node does not know the hash", async () => {
    const rpc = await server({
      script: [{ kind: "reset" }],
      answer: (call) => {
        if (call.method === "eth_sendRawTransaction")
          throw new Error("insufficient funds for gas * price + value")
        return null
      },
    })
    const result = await client({ endpoints: [rpc.url] }).request("eth_sendRawTransaction", [raw])
    expect(result.isErr() && result.error.code).toBe("RPC_CONNECTION_REFUSED")
    expect(result.isErr() && classifySendOutcome(result.error).kind).toBe("unknown")
    expect(methodsOf(rpc)).toEqual([
      "eth_sendRawTransaction",
      "eth_sendRawTransaction",
      "eth_getTransactionByHash",
    ])
  })

  it("answers the hash when the node knows the transaction after all", async () => {
    const rpc = await server({
      script: [{ kind: "reset" }],
      answer: (call) => {
        if (call.method === "eth_sendRawTransaction") throw new Error("nonce too low")
        if (call.method === "eth_getTransactionByHash") return { hash, blockNumber: "0x5" }
        return null
      },
    })
    const result = await client({ endpoints: [rpc.url] }).request("eth_sendRawTransaction", [raw])
    expect(result.isOk() && result.value).toBe(hash)
  })

  it("refuses outright when nothing ambiguous happened", async () => {
    const rpc = await server({
      answer: () => {
        throw new Error("insufficient funds for gas * price + value")
      },
    })
    const result = await client({ endpoints: [rpc.url] }).request("eth_sendRawTransaction", [raw])
    expect(result.isErr() && classifySendOutcome(result.error)).toMatchObject({
      kind: "refused",
      nonce: "free",
    })
    expect(methodsOf(rpc)).toEqual(["eth_sendRawTransaction"])
  })

  it("does not re-send eth_sendRawTransactionSync after a timeout: the outcome is unknown", async () => {
    const rpc = await server({ script: [{ kind: "hang" }], answer: () => null })
    const result = await client({ endpoints: [rpc.url] }).request("eth_sendRawTransactionSync", [raw], {
      timeoutMs: 200,
    })
    expect(result.isErr() && classifySendOutcome(result.error).kind).toBe("unknown")
    expect(rpc.requests).toHaveLength(1)
  })
})

describe("hedged reads", () => {
  it("answers from the second attempt when the first hangs", async () => {
    const rpc = await server({ script: [{ kind: "hang" }], answer: () => "0x10" })
    const rpcClient = client({ endpoints: [rpc.url] })
    const started = performance.now()
    const result = await rpcClient.request<string>("eth_blockNumber", [], {
      priority: "high",
      timeoutMs: 5_000,
      hedgeAfterMs: 100,
    })
    expect(result.isOk() && result.value).toBe("0x10")
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(rpcClient.stats()).toMatchObject({ calls: 1, hedges: 1 })
  })

  it("sends the hedge to another endpoint when several are configured", async () => {
    const hung = await server({
      script: Array.from({ length: 5 }, () => ({ kind: "hang" as const })),
      answer: () => "0x10",
    })
    const healthy = await server({ answer: () => "0x20" })
    const rpcClient = client({ endpoints: [hung.url, healthy.url] })
    const started = performance.now()
    const result = await rpcClient.request<string>("eth_blockNumber", [], {
      timeoutMs: 5_000,
      hedgeAfterMs: 100,
    })
    expect(result.isOk() && result.value).toBe("0x20")
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(hung.requests).toHaveLength(1)
    expect(rpcClient.stats().hedges).toBe(1)
  })

  it("sends no hedge for a prompt answer, and never hedges a send", async () => {
    const rpc = await server({ answer: (call) => (call.method === "eth_sendRawTransaction" ? hash : "0x10") })
    const rpcClient = client({ endpoints: [rpc.url] })
    await rpcClient.request("eth_blockNumber", [], { hedgeAfterMs: 500 })
    await rpcClient.request("eth_sendRawTransaction", [raw], { hedgeAfterMs: 1 })
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(rpcClient.stats().hedges).toBe(0)
    expect(rpc.requests).toHaveLength(2)
  })
})
