import { keccak256, Wallet } from "ethers"
import { afterEach, describe, expect, it } from "vitest"
import { type FaultyRpcServer, type JsonRpcRequestBody, startFaultyRpcServer } from "../faultyRpcServer.js"
import type { NetworkConditions } from "./conditions.js"
import { type NetworkConditionsProxy, startNetworkConditionsProxy } from "./networkConditionsProxy.js"

// A fixed, throw-away key: the fake upstream never checks signatures, the proxy only recovers senders.
const sender = new Wallet(`0x${"11".repeat(32)}`)

async function signedTransfer(nonce: number): Promise<string> {
  return sender.signTransaction({
    type: 2,
    chainId: 1,
    nonce,
    to: "0x000000000000000000000000000000000000dEaD",
    gasLimit: 21_000,
    maxFeePerGas: 1,
    maxPriorityFeePerGas: 1,
  })
}

/** A tiny node: remembers sends (its "pool") and lists them in txpool_content. */
function fakeNode(pool: string[]) {
  return (call: JsonRpcRequestBody): unknown => {
    const [raw] = (call.params ?? []) as string[]
    switch (call.method) {
      case "eth_chainId":
        return "0x1"
      case "eth_sendRawTransaction":
      case "eth_sendRawTransactionSync":
        pool.push(raw ?? "")
        return keccak256(raw ?? "0x")
      case "txpool_content":
        return {
          pending: {
            [sender.address]: Object.fromEntries(pool.map((entry, index) => [String(index), entry])),
          },
          queued: {},
        }
      default:
        return null
    }
  }
}

const opened: { node?: FaultyRpcServer | undefined; proxy?: NetworkConditionsProxy | undefined } = {}

async function start(conditions: NetworkConditions, seed = 1) {
  const pool: string[] = []
  const node = await startFaultyRpcServer({ answer: fakeNode(pool) })
  const proxy = await startNetworkConditionsProxy({ upstream: node.url, conditions, seed })
  opened.node = node
  opened.proxy = proxy
  return { node, proxy, pool }
}

function post(url: string, body: unknown, timeoutMs = 5000): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
}

const call = (id: number, method: string, params: unknown[] = []) => ({ jsonrpc: "2.0", id, method, params })
const methodsSeen = (node: FaultyRpcServer) =>
  node.requests
    .flatMap((request) => (Array.isArray(request.body) ? request.body : [request.body]))
    .map((c) => c.method)

afterEach(async () => {
  await opened.proxy?.close()
  await opened.node?.close()
  opened.proxy = undefined
  opened.node = undefined
})

describe("startNetworkConditionsProxy", () => {
  it("forwards single calls and batches unchanged, keeping the client's ids", async () => {
    const { proxy } = await start({})
    const single = (await (await post(proxy.url, call(41, "eth_chainId"))).json()) as {
      id: number
      result: string
    }
    expect(single).toEqual({ jsonrpc: "2.0", id: 41, result: "0x1" })
    const batch = (await (
      await post(proxy.url, [call(7, "eth_chainId"), call(7, "eth_blockNumber")])
    ).json()) as unknown[]
    expect(batch).toEqual([
      { jsonrpc: "2.0", id: 7, result: "0x1" },
      { jsonrpc: "2.0", id: 7, result: null },
    ])
    expect(proxy.counters).toMatchObject({ requests: 2, calls: 3, forwardedCalls: 3 })
  })

  it("adds latency in both directions", async () => {
    const { proxy } = await start({ latencyMs: { request: 80, response: 80 } })
    const startedAt = performance.now()
    await post(proxy.url, call(1, "eth_chainId"))
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(155)
  })

  it("answers 5xx and 429 with Retry-After without reaching the node", async () => {
    const failing = await start({ http5xx: 1 })
    const response = await post(failing.proxy.url, call(1, "eth_chainId"))
    expect([500, 502, 503]).toContain(response.status)
    expect(failing.node.requests).toHaveLength(0)
    await failing.proxy.close()
    await failing.node.close()

    const limited = await start({ rateLimit: { probability: 1, retryAfterSeconds: 2 } })
    const answer = await post(limited.proxy.url, call(1, "eth_chainId"))
    expect(answer.status).toBe(429)
    expect(answer.headers.get("retry-after")).toBe("2")
    expect(limited.node.requests).toHaveLength(0)
    expect(limited.proxy.counters.rateLimited).toBe(1)
  })

  it("resets before forwarding (node untouched) and after forwarding (node acted)", async () => {
    const before = await start({ resetBeforeForward: 1 })
    const raw = await signedTransfer(0)
    await expect(post(before.proxy.url, call(1, "eth_sendRawTransaction", [raw]))).rejects.toThrow()
    expect(before.pool).toHaveLength(0)
    await before.proxy.close()
    await before.node.close()

    const after = await start({ resetAfterForward: 1 })
    await expect(post(after.proxy.url, call(1, "eth_sendRawTransaction", [raw]))).rejects.toThrow()
    expect(after.pool).toEqual([raw])
    expect(after.proxy.counters.resetsAfterForward).toBe(1)
  })

  it("answers slow requests late and never answers hung ones", async () => {
    const slow = await start({ slow: { probability: 1, extraMs: 300 } })
    const startedAt = performance.now()
    await post(slow.proxy.url, call(1, "eth_chainId"))
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290)
    await slow.proxy.close()
    await slow.node.close()

    const hung = await start({ hang: 1 })
    await expect(post(hung.proxy.url, call(1, "eth_chainId"), 300)).rejects.toThrow()
    expect(hung.proxy.counters.hangs).toBe(1)
    expect(hung.node.requests).toHaveLength(0)
  })

  it("send-then-drop answers the hash of a send inside a batch without forwarding it", async () => {
    const { proxy, node, pool } = await start({ sendThenDrop: { probability: 1 } })
    const raw = await signedTransfer(0)
    const answers = (await (
      await post(proxy.url, [call(1, "eth_chainId"), call(2, "eth_sendRawTransaction", [raw])])
    ).json()) as Array<{ id: number; result: string }>
    expect(answers).toEqual([
      { jsonrpc: "2.0", id: 1, result: "0x1" },
      { jsonrpc: "2.0", id: 2, result: keccak256(raw) },
    ])
    expect(pool).toHaveLength(0)
    expect(methodsSeen(node)).toEqual(["eth_chainId"])
  })

  it("forward-then-error delivers the send and answers -32603", async () => {
    const { proxy, pool } = await start({ forwardThenError: { probability: 1 } })
    const raw = await signedTransfer(0)
    const answer = (await (await post(proxy.url, call(5, "eth_sendRawTransaction", [raw]))).json()) as {
      error: { code: number }
    }
    expect(answer.error.code).toBe(-32603)
    expect(pool).toEqual([raw])
    expect(proxy.counters.forwardThenError).toBe(1)
  })

  it("answers a configured JSON-RPC error for the chosen methods only", async () => {
    const { proxy } = await start({
      jsonRpcError: { probability: 1, code: -32005, message: "limit exceeded", methods: ["eth_blockNumber"] },
    })
    const answers = (await (
      await post(proxy.url, [call(1, "eth_chainId"), call(2, "eth_blockNumber")])
    ).json()) as Array<{ result?: string; error?: { code: number; message: string } }>
    expect(answers[0]?.result).toBe("0x1")
    expect(answers[1]?.error).toEqual({ code: -32005, message: "limit exceeded" })
  })

  it("refuses a sender's send beyond the pending cap with 'txpool is full'", async () => {
    const { proxy, pool } = await start({ senderPendingCap: 2 })
    const answers: Array<{ result?: string; error?: { message: string } }> = []
    for (const nonce of [0, 1, 2]) {
      const raw = await signedTransfer(nonce)
      answers.push(
        (await (await post(proxy.url, call(nonce, "eth_sendRawTransaction", [raw]))).json()) as never,
      )
    }
    expect(answers.map((answer) => answer.error?.message)).toEqual([undefined, undefined, "txpool is full"])
    expect(pool).toHaveLength(2)
    expect(proxy.counters.senderCapRefusals).toBe(1)
  })

  it("answers EIP-7966 code 4 with the hash after putting a sync send into the pool", async () => {
    const { proxy, node, pool } = await start({ eip7966: { probability: 1, codes: [4] } })
    const raw = await signedTransfer(0)
    const answer = (await (await post(proxy.url, call(9, "eth_sendRawTransactionSync", [raw]))).json()) as {
      id: number
      error: { code: number; data: string }
    }
    expect(answer.id).toBe(9)
    expect(answer.error).toMatchObject({ code: 4, data: keccak256(raw) })
    expect(pool).toEqual([raw])
    expect(methodsSeen(node)).toEqual(["eth_sendRawTransaction"])
  })

  it("fails everything inside an outage window counted from the first send", async () => {
    const { proxy } = await start({ outages: [{ fromMs: 100, toMs: 400, mode: "unavailable" }] })
    const raw = await signedTransfer(0)
    expect((await post(proxy.url, call(1, "eth_sendRawTransaction", [raw]))).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((await post(proxy.url, call(2, "eth_chainId"))).status).toBe(503)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await post(proxy.url, call(3, "eth_chainId"))).status).toBe(200)
    expect(proxy.counters.outageRequests).toBe(1)
  })

  it("draws the same faults from the same seed", async () => {
    async function pattern(seed: number): Promise<number[]> {
      const { proxy, node } = await start({ http5xx: 0.3 }, seed)
      const statuses: number[] = []
      for (let index = 0; index < 30; index++)
        statuses.push((await post(proxy.url, call(index, "eth_chainId"))).status)
      await proxy.close()
      await node.close()
      return statuses
    }
    const first = await pattern(11)
    expect(await pattern(11)).toEqual(first)
    expect(await pattern(12)).not.toEqual(first)
    expect(first.some((status) => status !== 200)).toBe(true)
  })
})
