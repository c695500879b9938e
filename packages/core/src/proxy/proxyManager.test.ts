import {
  type FaultyRpcServer,
  getFreePort,
  type HttpProxyServer,
  type Socks5ProxyServer,
  startFaultyRpcServer,
  startHttpProxy,
  startSocks5Proxy,
} from "@testnet/test-helpers"
import { getAddress, hexlify, keccak256, randomBytes, toBeHex } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createRpcClient } from "../rpc/client.js"
import { createProxyManager, type ProxyManager } from "./proxyManager.js"

let target: FaultyRpcServer
let openProxy: HttpProxyServer
let authProxy: HttpProxyServer
let socks: Socks5ProxyServer
let deadProxyUrl: string
const managers: ProxyManager[] = []

beforeAll(async () => {
  target = await startFaultyRpcServer({
    answer: (call) => (call.method === "eth_chainId" ? "0x7a69" : "pong"),
  })
  openProxy = await startHttpProxy()
  authProxy = await startHttpProxy({ auth: { username: "alice", password: "s3cret-pw" } })
  socks = await startSocks5Proxy({ auth: { username: "bob", password: "s0cks-pw" } })
  deadProxyUrl = `http://127.0.0.1:${await getFreePort()}`
})

afterAll(async () => {
  await Promise.all(managers.map((manager) => manager.close()))
  await Promise.all([target?.close(), openProxy?.close(), authProxy?.close(), socks?.close()])
})

function manager(options: Parameters<typeof createProxyManager>[0]): ProxyManager {
  const created = createProxyManager({ check: { rpcUrl: target.url, timeoutMs: 2_000 }, ...options }).unwrap()
  managers.push(created)
  return created
}

async function callThrough(proxyManager: ProxyManager, from: string) {
  const client = createRpcClient({
    endpoints: [target.url],
    retries: 0,
    dispatcherFor: (address) => proxyManager.dispatcherFor(address),
  })
  try {
    return await client.request<string>("eth_chainId", [], { from })
  } finally {
    await client.close()
  }
}

const wallet = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"

describe("requests really go through the proxy", () => {
  it("HTTP proxy without auth", async () => {
    const before = openProxy.proxiedRequests
    const proxies = manager({ proxies: [openProxy.url], mode: "sticky" })
    expect((await callThrough(proxies, wallet)).unwrap()).toBe("0x7a69")
    expect(openProxy.proxiedRequests).toBeGreaterThan(before)
  })

  it("HTTP proxy with basic auth, and a wrong password gives the auth-failed error", async () => {
    const good = manager({ proxies: [authProxy.urlWith("alice", "s3cret-pw")], mode: "sticky" })
    expect((await callThrough(good, wallet)).unwrap()).toBe("0x7a69")
    expect(authProxy.proxiedRequests).toBeGreaterThan(0)

    const failuresBefore = authProxy.authFailures
    const bad = manager({ proxies: [authProxy.urlWith("alice", "wrong-pw")], mode: "sticky" })
    const result = await callThrough(bad, wallet)
    expect(result.isErr() && result.error.code).toBe("RPC_CONNECTION_REFUSED")
    const cause = result.isErr() ? (result.error.cause as { code: string; message: string }) : undefined
    expect(cause?.code).toBe("PROXY_AUTH_FAILED")
    expect(cause?.message).not.toContain("wrong-pw")
    expect(authProxy.authFailures).toBeGreaterThan(failuresBefore)
  })

  it("SOCKS5 with username/password, and a wrong password gives the auth-failed error", async () => {
    const before = socks.connections
    const good = manager({ proxies: [socks.urlWith("bob", "s0cks-pw")], mode: "sticky" })
    expect((await callThrough(good, wallet)).unwrap()).toBe("0x7a69")
    expect(socks.connections).toBeGreaterThan(before)

    const bad = manager({ proxies: [socks.urlWith("bob", "nope")], mode: "sticky" })
    const result = await callThrough(bad, wallet)
    const cause = result.isErr() ? (result.error.cause as { code: string; protocol: string }) : undefined
    expect(cause).toMatchObject({ code: "PROXY_AUTH_FAILED", protocol: "socks5" })
    expect(socks.authFailures).toBeGreaterThan(0)
  })
})

describe("health checks, bans and diagnostics", () => {
  it("checkAll reports status, latency and masked errors for every proxy", async () => {
    const proxies = manager({
      proxies: [
        openProxy.url,
        socks.urlWith("bob", "s0cks-pw"),
        authProxy.urlWith("alice", "wrong-pw"),
        deadProxyUrl,
      ],
      mode: "rotate",
    })
    const diagnostics = await proxies.checkAll()
    expect(diagnostics.map((diagnostic) => [diagnostic.status, diagnostic.errorCode])).toEqual([
      ["ok", undefined],
      ["ok", undefined],
      ["failing", "PROXY_AUTH_FAILED"],
      ["failing", "PROXY_UNREACHABLE"],
    ])
    expect(diagnostics[0]?.latencyMs).toBeGreaterThanOrEqual(0)
    const printed = JSON.stringify(diagnostics)
    expect(printed).not.toContain("s0cks-pw")
    expect(printed).not.toContain("wrong-pw")
    expect(diagnostics[1]?.proxy).toBe(socks.url.replace("socks5://", "socks5://***:***@"))
  })

  it("bans a dead proxy after N failures, routes around it, and unbans it after the TTL", async () => {
    const proxies = manager({
      proxies: [deadProxyUrl, openProxy.url],
      mode: "rotate",
      maxFailures: 2,
      banMs: 1_000,
    })
    await proxies.checkAll()
    expect(proxies.diagnose()[0]?.status).toBe("failing")
    await proxies.checkAll()
    const [banned] = proxies.diagnose()
    expect(banned?.status).toBe("banned")
    expect(banned?.bannedUntil).toBeInstanceOf(Date)
    expect(banned?.error).toMatch(
      /is banned until .* after 2 consecutive failures\. Last error: .*unreachable/,
    )
    expect(banned?.errorCode).toBe("PROXY_UNREACHABLE")
    const assigned = Array.from({ length: 6 }, () => proxies.assign().unwrap().proxy)
    expect(new Set(assigned)).toEqual(new Set([openProxy.url]))

    await new Promise((resolve) => setTimeout(resolve, 1_050))
    expect(proxies.diagnose()[0]?.status).not.toBe("banned")
    const afterTtl = Array.from({ length: 4 }, () => proxies.assign().unwrap().proxy)
    expect(afterTtl).toContain(deadProxyUrl)
  })

  it("counts failures of real traffic, not only checks", async () => {
    const proxies = manager({ proxies: [deadProxyUrl], mode: "sticky", maxFailures: 2, banMs: 10_000 })
    await callThrough(proxies, wallet)
    await callThrough(proxies, wallet)
    expect(proxies.diagnose()[0]).toMatchObject({ status: "banned", failures: 2 })
  })

  it("with every proxy banned: fails with ProxyAllBannedError, or goes direct when allowed", async () => {
    const strict = manager({ proxies: [deadProxyUrl], mode: "sticky", maxFailures: 1, banMs: 10_000 })
    await strict.checkAll()
    const assigned = strict.assign(wallet)
    expect(assigned.isErr() && assigned.error.code).toBe("PROXY_ALL_BANNED")
    const refused = await callThrough(strict, wallet)
    expect(refused.isErr() && (refused.error.cause as { code?: string } | undefined)?.code).toBe(
      "PROXY_ALL_BANNED",
    )

    const lenient = manager({
      proxies: [deadProxyUrl],
      mode: "sticky",
      maxFailures: 1,
      banMs: 10_000,
      directFallback: true,
    })
    await lenient.checkAll()
    expect(lenient.dispatcherFor(wallet)).toBeUndefined()
    expect((await callThrough(lenient, wallet)).unwrap()).toBe("0x7a69")
  })
})

describe("assignment", () => {
  it("sticky: a wallet always gets the same proxy, and wallets spread across proxies", () => {
    const proxies = manager({
      proxies: ["http://127.0.0.1:1", "http://127.0.0.1:2", "socks5://127.0.0.1:3"],
      mode: "sticky",
    })
    const addresses = Array.from({ length: 300 }, () => getAddress(hexlify(randomBytes(20))))
    const first = addresses.map((address) => proxies.assign(address).unwrap().proxy)
    const second = addresses.map((address) => proxies.assign(address.toLowerCase()).unwrap().proxy)
    expect(second).toEqual(first)
    const counts = new Map<string | undefined, number>()
    for (const proxy of first) counts.set(proxy, (counts.get(proxy) ?? 0) + 1)
    expect(counts.size).toBe(3)
    for (const count of counts.values()) expect(count).toBeGreaterThan(60)
  })

  it("sticky: spreads 3,000 wallets evenly over proxies whose addresses differ only in the port", () => {
    const proxies = manager({
      proxies: ["http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"],
      mode: "sticky",
    })
    // Deterministic addresses: plain FNV-1a gave the third proxy half of these (1,500 of 3,000).
    const addresses = Array.from({ length: 3000 }, (_, index) =>
      getAddress(keccak256(toBeHex(index, 32)).slice(0, 42)),
    )
    const counts = new Map<string | undefined, number>()
    for (const address of addresses) {
      const proxy = proxies.assign(address).unwrap().proxy
      counts.set(proxy, (counts.get(proxy) ?? 0) + 1)
    }
    expect(counts.size).toBe(3)
    for (const count of counts.values()) expect(count).toBeGreaterThan(850)
    for (const count of counts.values()) expect(count).toBeLessThan(1150)
  })

  it("rotate: consecutive requests spread over the real proxies", async () => {
    const httpBefore = openProxy.proxiedRequests
    const socksBefore = socks.connections
    const proxies = manager({ proxies: [openProxy.url, socks.urlWith("bob", "s0cks-pw")], mode: "rotate" })
    for (let index = 0; index < 4; index += 1)
      expect((await callThrough(proxies, wallet)).unwrap()).toBe("0x7a69")
    // Each proxy saw traffic (tunnels are kept alive, so connections ≥ 1), and responses alternate.
    expect(openProxy.proxiedRequests - httpBefore).toBeGreaterThanOrEqual(1)
    expect(socks.connections - socksBefore).toBeGreaterThanOrEqual(1)
    expect(proxies.diagnose().map((diagnostic) => diagnostic.successes)).toEqual([2, 2])
  })

  it("rejects an invalid proxy URL with a masked message", () => {
    const created = createProxyManager({ proxies: ["ftp://alice:pw-123@host:21"], mode: "sticky" })
    expect(created.isErr() && created.error.code).toBe("PROXY_INVALID_URL")
    expect(created.isErr() && created.error.message).not.toContain("pw-123")
  })
})
