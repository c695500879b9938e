import {
  type FaultyRpcServer,
  getFreePort,
  type HttpProxyServer,
  type Socks5ProxyServer,
  startFaultyRpcServer,
  startHttpProxy,
  startSocks5Proxy,
} from "@testnet/test-helpers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Config } from "../config/types.js"
import { createRpcClient } from "../rpc/client.js"
import { openRunProxies, type RunProxies } from "./runProxies.js"

let target: FaultyRpcServer
let first: HttpProxyServer
let second: HttpProxyServer
let socks: Socks5ProxyServer
const opened: RunProxies[] = []

beforeAll(async () => {
  target = await startFaultyRpcServer({
    answer: (call) => (call.method === "eth_chainId" ? "0x7a69" : "0x1"),
  })
  first = await startHttpProxy()
  second = await startHttpProxy()
  socks = await startSocks5Proxy()
})

afterAll(async () => {
  await Promise.all(opened.map((proxies) => proxies.close()))
  await Promise.all([target?.close(), first?.close(), second?.close(), socks?.close()])
})

function proxiesConfig(urls: string[], overrides: Partial<Config["proxies"]> = {}): Config["proxies"] {
  return { urls, mode: "sticky", directFallback: false, banSeconds: 1800, ...overrides }
}

async function open(config: Config["proxies"]) {
  const result = await openRunProxies({ proxies: config, check: { rpcUrl: target.url, timeoutMs: 2_000 } })
  if (result.isOk()) opened.push(result.value)
  return result
}

const wallets = Array.from({ length: 12 }, (_, index) => `0x${(index + 1).toString(16).padStart(40, "0")}`)

describe("openRunProxies", () => {
  it("sends wallet calls and shared reads through the proxies, none direct", async () => {
    const proxies = (await open(proxiesConfig([first.url, second.url, socks.url]))).unwrap()
    const successes = () => proxies.diagnose().reduce((sum, diagnostic) => sum + diagnostic.successes, 0)
    const before = target.requests.length
    const throughProxiesBefore = successes()
    const client = createRpcClient({ endpoints: [target.url], retries: 0, ...proxies.rpcOptions })
    try {
      for (const from of wallets)
        expect((await client.request("eth_getTransactionCount", [from], { from })).isOk()).toBe(true)
      expect((await client.request("eth_blockNumber", [])).isOk()).toBe(true)
    } finally {
      await client.close()
    }
    const arrived = target.requests.length - before
    expect(arrived).toBe(13)
    // Every answer that came back came through a proxy dispatcher: none went direct.
    expect(successes() - throughProxiesBefore).toBe(arrived)
    // Sticky: twelve wallets spread over more than one proxy.
    expect(proxies.diagnose().filter((diagnostic) => diagnostic.successes > 1).length).toBeGreaterThan(1)
  })

  it("moves a banned proxy's wallets to a healthy one and counts the ban", async () => {
    const doomed = await startHttpProxy()
    const proxies = (
      await openRunProxies({ proxies: proxiesConfig([doomed.url, first.url]), banMs: 60_000 })
    ).unwrap()
    opened.push(proxies)
    const client = createRpcClient({ endpoints: [target.url], retries: 0, ...proxies.rpcOptions })
    try {
      for (const from of wallets) await client.request("eth_chainId", [], { from })
      await doomed.close()
      // Each wallet of the dead proxy fails until the proxy is banned, then goes through the other one.
      for (let round = 0; round < 4; round++)
        for (const from of wallets) await client.request("eth_chainId", [], { from })
      const answers = await Promise.all(wallets.map((from) => client.request("eth_chainId", [], { from })))
      expect(answers.every((answer) => answer.isOk())).toBe(true)
    } finally {
      await client.close()
    }
    const dead = proxies.diagnose().find((diagnostic) => diagnostic.proxy === doomed.url)
    expect(dead?.status).toBe("banned")
    expect(dead?.bans).toBe(1)
    expect(proxies.allBanned()).toBeUndefined()
  })

  it("refuses to start when every proxy fails its check and direct traffic is not allowed", async () => {
    const dead = `http://127.0.0.1:${await getFreePort()}`
    const deadSocks = `socks5://127.0.0.1:${await getFreePort()}`
    const result = await open(proxiesConfig([dead, deadSocks]))
    expect(result.isErr()).toBe(true)
    if (result.isOk()) return
    expect(result.error.code).toBe("PROXY_ALL_BANNED")
    expect(result.error.message).toContain("unreachable")
    expect(result.error.message).toContain("direct_fallback")
  })

  it("goes direct with direct_fallback when every proxy is dead", async () => {
    const dead = `http://127.0.0.1:${await getFreePort()}`
    const proxies = (await open(proxiesConfig([dead], { directFallback: true }))).unwrap()
    const client = createRpcClient({ endpoints: [target.url], retries: 0, ...proxies.rpcOptions })
    try {
      for (let attempt = 0; attempt < 3; attempt++)
        await client.request("eth_chainId", [], { from: wallets[0] as string })
      expect((await client.request("eth_chainId", [], { from: wallets[0] as string })).isOk()).toBe(true)
    } finally {
      await client.close()
    }
  })

  it("is empty without proxies: traffic stays direct", async () => {
    const proxies = (await open(proxiesConfig([]))).unwrap()
    expect(proxies.rpcOptions).toEqual({})
    expect(proxies.size).toBe(0)
  })

  it("reports a dead SOCKS proxy as unreachable, not as a bad RPC answer", async () => {
    const deadSocks = `socks5://127.0.0.1:${await getFreePort()}`
    const proxies = (await open(proxiesConfig([deadSocks], { directFallback: true }))).unwrap()
    expect(proxies.diagnose()[0]?.errorCode).toBe("PROXY_UNREACHABLE")
  })

  it("accepts socks4 proxies", async () => {
    const result = await openRunProxies({
      proxies: proxiesConfig(["socks4://127.0.0.1:1080"], { directFallback: true }),
    })
    expect(result.isOk()).toBe(true)
    if (result.isOk()) opened.push(result.value)
  })
})
