import { type FaultyRpcServer, getFreePort, startFaultyRpcServer } from "@testnet/test-helpers"
import { afterEach, describe, expect, it } from "vitest"
import { createRpcClient, type RpcClient } from "./client.js"

const servers: FaultyRpcServer[] = []
const clients: RpcClient[] = []

async function server(options: Parameters<typeof startFaultyRpcServer>[0] = {}) {
  const started = await startFaultyRpcServer({
    answer: (call) => {
      if (call.method === "eth_chainId") return "0x7a69"
      if (call.method === "echo") return call.params?.[0]
      if (call.method === "fail") throw new Error("nonce too low")
      return null
    },
    ...options,
  })
  servers.push(started)
  return started
}

function client(options: Parameters<typeof createRpcClient>[0]) {
  const created = createRpcClient({ backoff: { baseDelayMs: 5, maxDelayMs: 20 }, ...options })
  clients.push(created)
  return created
}

function callsIn(request: { body: unknown }): number {
  return Array.isArray(request.body) ? request.body.length : 1
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((created) => created.close()))
  await Promise.all(servers.splice(0).map((started) => started.close()))
})

describe("batching", () => {
  it("coalesces calls of one tick into ⌈N/max⌉ HTTP requests and matches responses by id", async () => {
    const rpc = await server()
    const rpcClient = client({ endpoints: [rpc.url], maxBatchSize: 10 })
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, index) => rpcClient.request("echo", [index])),
    )
    expect(results.map((result) => result.unwrap())).toEqual(Array.from({ length: 25 }, (_, index) => index))
    expect(rpcClient.stats()).toMatchObject({
      calls: 25,
      httpRequests: 3,
      largestBatch: 10,
      byMethod: { echo: 25 },
    })
    expect(rpc.requests.map(callsIn).sort()).toEqual([10, 10, 5])
  })

  it("sends a batch of one as a plain request", async () => {
    const rpc = await server()
    const rpcClient = client({ endpoints: [rpc.url] })
    expect((await rpcClient.request("eth_chainId", [])).unwrap()).toBe("0x7a69")
    expect(Array.isArray(rpc.requests[0]?.body)).toBe(false)
  })

  it("fails only the call whose response is an error", async () => {
    const rpc = await server()
    const rpcClient = client({ endpoints: [rpc.url] })
    const [ok, failed] = await Promise.all([rpcClient.request("echo", ["a"]), rpcClient.request("fail", [])])
    expect(ok.unwrap()).toBe("a")
    expect(failed.isErr() && failed.error.code).toBe("RPC_NONCE_TOO_LOW")
    expect(rpc.requests).toHaveLength(1)
    expect(rpcClient.stats().errorsByCode).toEqual({ RPC_NONCE_TOO_LOW: 1 })
  })

  it("keeps at most maxConcurrentBatches in flight and lets the queue grow into bigger batches", async () => {
    const rpc = await server({ script: [{ kind: "status", status: 503 }] })
    const rpcClient = client({ endpoints: [rpc.url], maxBatchSize: 100, maxConcurrentBatches: 1 })
    const first = rpcClient.request("echo", [0])
    await new Promise((resolve) => setImmediate(resolve))
    const rest = Array.from({ length: 30 }, (_, index) => rpcClient.request("echo", [index + 1]))
    await Promise.all([first, ...rest])
    // 1 failed single request, then its retry and the 30 queued calls: never more than one batch at a time.
    expect(rpc.requests.length).toBeLessThanOrEqual(3)
    expect(rpcClient.stats().largestBatch).toBeGreaterThanOrEqual(30)
  })
})

describe("retries", () => {
  it("honours Retry-After on 429", async () => {
    const rpc = await server({ script: [{ kind: "status", status: 429, retryAfter: "1" }] })
    const rpcClient = client({ endpoints: [rpc.url] })
    expect((await rpcClient.request("echo", ["x"])).unwrap()).toBe("x")
    const [limited, retried] = rpc.requests
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(950)
    expect(rpcClient.stats().retries).toBe(1)
  })

  it("retries 5xx, resets and invalid JSON, then succeeds", async () => {
    const rpc = await server({
      script: [{ kind: "status", status: 500 }, { kind: "reset" }, { kind: "raw", body: "<html>" }],
    })
    const rpcClient = client({ endpoints: [rpc.url], retries: 3 })
    expect((await rpcClient.request("echo", [7])).unwrap()).toBe(7)
    expect(rpc.requests.map((request) => request.step)).toEqual(["status", "reset", "raw", "pass"])
    expect(rpcClient.stats().retries).toBe(3)
  })

  it("gives up after the bounded number of attempts with the last error", async () => {
    const rpc = await server({
      script: Array.from({ length: 5 }, () => ({ kind: "status" as const, status: 502 })),
    })
    const rpcClient = client({ endpoints: [rpc.url], retries: 2 })
    const result = await rpcClient.request("echo", [1])
    expect(result.isErr() && result.error.code).toBe("RPC_HTTP_STATUS")
    expect(rpc.requests).toHaveLength(3)
  })

  it("times out a hanging request and retries it", async () => {
    const rpc = await server({ script: [{ kind: "hang" }] })
    const rpcClient = client({ endpoints: [rpc.url], timeoutMs: 200 })
    const started = performance.now()
    expect((await rpcClient.request("echo", ["late"])).unwrap()).toBe("late")
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect(rpc.requests).toHaveLength(2)
  })

  it("does not retry node verdicts", async () => {
    const rpc = await server()
    const rpcClient = client({ endpoints: [rpc.url] })
    await rpcClient.request("fail", [])
    expect(rpc.requests).toHaveLength(1)
    expect(rpcClient.stats().retries).toBe(0)
  })

  it("returns the caller's abort at once", async () => {
    const rpc = await server({ script: [{ kind: "hang" }] })
    const rpcClient = client({ endpoints: [rpc.url], timeoutMs: 5_000 })
    const controller = new AbortController()
    const pending = rpcClient.request("echo", [1], { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const result = await pending
    expect(result.isErr() && result.error.name).toBe("RpcTimeoutError")
    expect(result.isErr() && (result.error as { aborted?: boolean }).aborted).toBe(true)
  })
})

describe("failover and health", () => {
  it("fails over to the healthy endpoint when the first is down", async () => {
    const deadPort = await getFreePort()
    const healthy = await server()
    const rpcClient = client({ endpoints: [`http://127.0.0.1:${deadPort}`, healthy.url] })
    expect((await rpcClient.request("echo", [1])).unwrap()).toBe(1)
    // The dead endpoint is now cooling down: the next calls go straight to the healthy one.
    for (let index = 0; index < 5; index += 1)
      expect((await rpcClient.request("echo", [index])).unwrap()).toBe(index)
    expect(healthy.requests).toHaveLength(6)
    const [dead, alive] = rpcClient.stats().endpoints
    expect(dead).toMatchObject({ failures: 1, consecutiveFailures: 1 })
    expect(alive).toMatchObject({ failures: 0, requests: 6 })
  })

  it("on 429 with a long Retry-After, benches that endpoint and retries on another at once", async () => {
    const limited = await server({ script: [{ kind: "status", status: 429, retryAfter: "30" }] })
    const healthy = await server()
    const rpcClient = client({ endpoints: [limited.url, healthy.url] })
    const started = performance.now()
    expect((await rpcClient.request("echo", [1])).unwrap()).toBe(1)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect((await rpcClient.request("echo", [2])).unwrap()).toBe(2)
    expect(limited.requests).toHaveLength(1)
    expect(healthy.requests).toHaveLength(2)
    expect(rpcClient.stats().endpoints[0]?.coolingDownUntil).toBeGreaterThan(Date.now() + 25_000)
  })

  it("fails over from a dead ws:// endpoint to an http one", async () => {
    const healthy = await server()
    const rpcClient = client({ endpoints: [`ws://127.0.0.1:${await getFreePort()}`, healthy.url] })
    expect((await rpcClient.request("echo", ["via http"])).unwrap()).toBe("via http")
    expect(rpcClient.stats().endpoints[0]).toMatchObject({ failures: 1 })
  })

  it("returns connection refused when every endpoint is down", async () => {
    const rpcClient = client({ endpoints: [`http://127.0.0.1:${await getFreePort()}`], retries: 1 })
    const result = await rpcClient.request("eth_chainId", [])
    expect(result.isErr() && result.error.code).toBe("RPC_CONNECTION_REFUSED")
  })

  it("prefers the endpoint that is not lagging behind the head", async () => {
    const first = await server()
    const second = await server()
    const rpcClient = client({ endpoints: [first.url, second.url] })
    rpcClient.reportHead(0, 100n)
    rpcClient.reportHead(1, 110n)
    await rpcClient.request("echo", [1])
    expect(second.requests).toHaveLength(1)
    expect(rpcClient.stats().endpoints.map((endpoint) => endpoint.headLag)).toEqual([10, 0])
  })

  it("answers endpoints without a transport with RpcUnsupportedTransportError and masks credentials", async () => {
    const rpcClient = client({ endpoints: ["ftp://user:secret@rpc.example.org/rpc"] })
    const result = await rpcClient.request("eth_chainId", [])
    expect(result.isErr() && result.error.code).toBe("RPC_UNSUPPORTED_TRANSPORT")
    expect(result.isErr() && result.error.message).not.toContain("secret")
  })

  it("sends URL credentials as Basic authorization", async () => {
    const rpc = await server()
    const rpcClient = client({ endpoints: [rpc.url.replace("http://", "http://alice:pw@")] })
    await rpcClient.request("eth_chainId", [])
    expect(rpc.requests[0]?.authorization).toBe(`Basic ${Buffer.from("alice:pw").toString("base64")}`)
  })
})

describe("rate limit", () => {
  it("spaces HTTP requests by the token bucket", async () => {
    const rpc = await server()
    const rpcClient = client({
      endpoints: [rpc.url],
      requestsPerSecond: 20,
      burst: 1,
      maxConcurrentBatches: 4,
    })
    for (let index = 0; index < 5; index += 1) await rpcClient.request("echo", [index])
    const times = rpc.requests.map((request) => request.receivedAt)
    // 5 requests with burst 1 at 20/s need at least 4 × 50 ms.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(180)
  })
})
