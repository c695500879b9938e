import { fileURLToPath } from "node:url"
import { type FaultyRpcServer, startFaultyRpcServer } from "@testnet/test-helpers"
import { afterEach, describe, expect, it } from "vitest"
import { type RpcProxy, startRpcProxy } from "./rpcProxy.js"

// The built proxy process (turbo builds this package before the tests run).
const script = fileURLToPath(new URL("../dist/rpcProxyProcess.js", import.meta.url))

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  return response.json()
}

describe("the benchmarks' RPC proxy process", () => {
  let upstream: FaultyRpcServer | undefined
  let proxy: RpcProxy | undefined
  afterEach(async () => {
    await proxy?.stop()
    await upstream?.close()
  })

  it("forwards to the node and counts every JSON-RPC call (also by method) and HTTP request", async () => {
    upstream = await startFaultyRpcServer({
      answer: (call) => (call.method === "eth_chainId" ? "0x7a69" : "0x1"),
    })
    proxy = await startRpcProxy(upstream.url, 0, script)
    const batch = [1, 2, 3].map((id) => ({ jsonrpc: "2.0", id, method: "eth_chainId", params: [] }))
    const answers = (await post(proxy.url, batch)) as { result: string }[]
    expect(answers.map((answer) => answer.result)).toEqual(["0x7a69", "0x7a69", "0x7a69"])
    await post(proxy.url, { jsonrpc: "2.0", id: 4, method: "eth_blockNumber", params: [] })
    expect(await proxy.counters()).toEqual({
      calls: 4,
      requests: 2,
      callsByMethod: { eth_chainId: 3, eth_blockNumber: 1 },
    })
    expect(upstream.requests.length).toBe(2)
  })

  it("adds the asked latency to every round trip", async () => {
    upstream = await startFaultyRpcServer()
    proxy = await startRpcProxy(upstream.url, 200, script)
    const startedAt = performance.now()
    await post(proxy.url, { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] })
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(190)
  })
})
