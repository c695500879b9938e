import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import { createRpcClient, type RpcClient } from "./client.js"

// A real HTTP JSON-RPC server on loopback: sends are slow (a busy node), head polls are fast.
const slowMs = 500

type JsonRpcCall = { id: number; method: string }

type SlowNode = {
  url: string
  /** Requests being answered right now, and the most ever at once. */
  open: number
  maxOpen: number
  /** Requests in flight when each eth_blockNumber request arrived. */
  openAtHeadPoll: number[]
  /** Answer the first N eth_blockNumber requests with HTTP 503. */
  failHeadPolls: number
  server: Server
}

async function startSlowNode(): Promise<SlowNode> {
  const node: SlowNode = {
    url: "",
    open: 0,
    maxOpen: 0,
    openAtHeadPoll: [],
    failHeadPolls: 0,
    server: createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as JsonRpcCall | JsonRpcCall[]
        const calls = Array.isArray(body) ? body : [body]
        const isHeadPoll = calls.every((call) => call.method === "eth_blockNumber")
        if (isHeadPoll) node.openAtHeadPoll.push(node.open)
        node.open += 1
        node.maxOpen = Math.max(node.maxOpen, node.open)
        const answers = calls.map((call) => ({
          jsonrpc: "2.0",
          id: call.id,
          result: call.method === "eth_blockNumber" ? "0x2a" : `0x${call.id.toString(16)}`,
        }))
        const reply = () => {
          node.open -= 1
          if (isHeadPoll && node.failHeadPolls > 0) {
            node.failHeadPolls -= 1
            response.writeHead(503).end()
            return
          }
          response.writeHead(200, { "content-type": "application/json" })
          response.end(JSON.stringify(Array.isArray(body) ? answers : answers[0]))
        }
        if (isHeadPoll) reply()
        else setTimeout(reply, slowMs)
      })
    }),
  }
  await new Promise<void>((resolve) => node.server.listen(0, "127.0.0.1", resolve))
  node.url = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`
  return node
}

const nodes: SlowNode[] = []
const clients: RpcClient[] = []

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  for (const node of nodes.splice(0)) {
    node.server.closeAllConnections()
    await new Promise((resolve) => node.server.close(resolve))
  }
})

async function setup() {
  const node = await startSlowNode()
  nodes.push(node)
  const client = createRpcClient({
    endpoints: [node.url],
    maxBatchSize: 200,
    maxConcurrentBatches: 4,
    backoff: { baseDelayMs: 5, maxDelayMs: 20 },
  })
  clients.push(client)
  // 1 200 sends in one tick: 4 batches of 200 in flight, 400 calls queued behind them.
  let sendsDone = 0
  const sends = Array.from({ length: 1200 }, () =>
    client.request("eth_sendRawTransaction", ["0x00"]).then((result) => {
      sendsDone += 1
      return result
    }),
  )
  await new Promise((resolve) => setImmediate(resolve))
  expect(client.stats()).toMatchObject({ inFlight: 4, queued: 400, inFlightHigh: 0 })
  return { node, client, sends, sendsDone: () => sendsDone }
}

describe("high-priority calls", () => {
  it("complete while four slow send batches are in flight and hundreds of sends are queued", async () => {
    const { node, client, sends, sendsDone } = await setup()
    const started = performance.now()
    const normalHeadPoll = client.request<string>("eth_blockNumber", [])
    const highHeadPoll = await client.request<string>("eth_blockNumber", [], { priority: "high" })
    const highLatencyMs = performance.now() - started

    expect(highHeadPoll.unwrap()).toBe("0x2a")
    // Ordering, not just timing: no send had been answered yet, the four batches were still open.
    expect(sendsDone()).toBe(0)
    expect(node.openAtHeadPoll).toEqual([4])
    expect(highLatencyMs).toBeLessThan(slowMs)
    await new Promise((resolve) => setImmediate(resolve)) // the high batch's slot frees after its calls settle
    expect(client.stats()).toMatchObject({ inFlight: 4, inFlightHigh: 0, queued: 401, queuedHigh: 0 })

    // The same call at normal priority waits for the backlog ahead of it.
    expect((await normalHeadPoll).unwrap()).toBe("0x2a")
    expect(performance.now() - started).toBeGreaterThanOrEqual(slowMs - 50)
    expect(sendsDone()).toBeGreaterThanOrEqual(800)

    const results = await Promise.all(sends)
    expect(results.every((result) => result.isOk())).toBe(true)
    expect(node.maxOpen).toBe(5)
    expect(client.stats()).toMatchObject({ calls: 1202, queued: 0, inFlight: 0, largestBatch: 200 })
  })

  it("stay high when retried", async () => {
    const { node, client, sendsDone } = await setup()
    node.failHeadPolls = 1
    const highHeadPoll = await client.request<string>("eth_blockNumber", [], { priority: "high" })

    expect(highHeadPoll.unwrap()).toBe("0x2a")
    expect(client.stats().retries).toBe(1)
    // Both attempts went out beside the four busy send batches, before any send was answered.
    expect(node.openAtHeadPoll).toEqual([4, 4])
    expect(sendsDone()).toBe(0)
  })
})
