import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  type HttpProxyServer,
  type Socks5ProxyServer,
  startHttpProxy,
  startSocks5Proxy,
} from "@testnet/test-helpers"
import { computeAddress } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AnvilProcess, startAnvil } from "./anvilProcess.js"
import { anvilDevKey } from "./devAccounts.js"
import { jsonRpc } from "./jsonRpc.js"
import { type OriginCountingFront, startOriginCountingFront } from "./originCountingFront.js"
import { killStartedClis, startChainCli } from "./tempoCli.js"

// A RISE run through real loopback HTTP and SOCKS5 proxies, with the node behind a front that
// tells, from the kernel, whether each request's connection came from a proxy (this process) or
// from the CLI directly. Only the funder key is set: the worker wallets are derived from it.

type Proxy = HttpProxyServer | Socks5ProxyServer
type ProxyLine = { proxy: string; status: string; requests: number; errors: number; bans: number }

let anvil: AnvilProcess
let front: OriginCountingFront
let directory: string
const proxies: Proxy[] = []

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 11155931, network: "ethereum" })
  front = await startOriginCountingFront(anvil.url)
  directory = mkdtempSync(join(tmpdir(), "proxied-run-"))
})

afterAll(async () => {
  killStartedClis()
  await Promise.all(proxies.map((proxy) => proxy.close()))
  await front?.close()
  await anvil?.stop()
  rmSync(directory, { recursive: true, force: true })
})

async function startProxies(): Promise<Proxy[]> {
  const started = [await startHttpProxy(), await startHttpProxy(), await startSocks5Proxy()]
  proxies.push(...started)
  return started
}

function connectionsOf(proxy: Proxy): number {
  return "proxiedRequests" in proxy ? proxy.proxiedRequests : proxy.connections
}

function writeConfig(name: string, proxiesTable: string): string {
  const path = join(directory, `${name}.toml`)
  writeFileSync(path, `[proxies]\n${proxiesTable}\n`)
  return path
}

async function start(
  name: string,
  configPath: string,
  onStarted?: () => void,
  funderKey: string = anvilDevKey(4),
) {
  const beforeProxied = front.proxied
  const beforeDirect = front.direct
  const cli = startChainCli({
    chain: "risechain",
    argv: [
      "start",
      "--rpc-url",
      front.url,
      "-c",
      configPath,
      "--duration",
      "8",
      "--db",
      join(directory, `${name}.db`),
      "--no-report",
      "--json",
    ],
    environment: { TESTNET_FUNDER_KEY: funderKey },
    cwd: directory,
    deadlineMs: 60_000,
  })
  // `onStarted` fires at the first progress line with a task started (a few seconds into the 8 s
  // load): a fixed delay from the CLI's start could land in setup or after the run on a busy machine.
  if (onStarted !== undefined) {
    let seen = ""
    const watch = (chunk: Buffer) => {
      seen += chunk.toString("utf8")
      if (!/"type":"progress"[^\n]*"tasksStarted":[1-9]/.test(seen)) return
      cli.child.stdout?.off("data", watch)
      onStarted()
    }
    cli.child.stdout?.on("data", watch)
  }
  const outcome = await cli.done
  const lines = outcome.stdout.split("\n").filter((line) => line.startsWith("{"))
  const summary = lines.map((line) => JSON.parse(line)).find((line) => line.type === "summary")
  const proxyLine = lines.map((line) => JSON.parse(line)).find((line) => line.type === "proxies")
  return {
    outcome,
    summary: summary as { tasks: Record<string, { count: number; success: number }> } | undefined,
    proxies: (proxyLine?.proxies ?? []) as ProxyLine[],
    proxied: front.proxied - beforeProxied,
    direct: front.direct - beforeDirect,
  }
}

function successRatio(summary: { tasks: Record<string, { count: number; success: number }> } | undefined) {
  const tasks = Object.values(summary?.tasks ?? {})
  const started = tasks.reduce((sum, task) => sum + task.count, 0)
  return { started, ratio: tasks.reduce((sum, task) => sum + task.success, 0) / Math.max(1, started) }
}

describe("a run through proxies", () => {
  it("sticky: every request goes through a proxy; a proxy killed mid-run is banned and the run completes", async () => {
    const [first, second, socks] = await startProxies()
    const config = writeConfig(
      "sticky",
      `urls = ["${first?.url}", "${second?.url}", "${socks?.url}"]\nmode = "sticky"\ndirect_fallback = false`,
    )
    const run = await start("sticky", config, () => void first?.close())
    expect(run.outcome.exitCode, run.outcome.stderr.slice(-3000)).toBe(0)
    expect(run.direct).toBe(0)
    expect(run.proxied).toBeGreaterThan(50)
    for (const proxy of [first, second, socks]) expect(connectionsOf(proxy as Proxy)).toBeGreaterThan(0)
    const { started, ratio } = successRatio(run.summary)
    expect(started).toBeGreaterThan(40)
    expect(ratio).toBeGreaterThanOrEqual(0.95)
    expect(run.proxies).toHaveLength(3)
    const killed = run.proxies.find((line) => line.proxy.includes(new URL(first?.url ?? "").port))
    expect(killed?.bans).toBeGreaterThanOrEqual(1)
    expect(killed?.status).toBe("banned")
    // The killed proxy's wallets moved: the others carried the rest of the run.
    for (const line of run.proxies.filter((entry) => entry !== killed))
      expect(line.requests).toBeGreaterThan(0)
  }, 90_000)

  it("rotate spreads requests over every proxy", async () => {
    const started = await startProxies()
    const config = writeConfig(
      "rotate",
      `urls = [${started.map((proxy) => `"${proxy.url}"`).join(", ")}]\nmode = "rotate"\ndirect_fallback = false`,
    )
    const run = await start("rotate", config)
    expect(run.outcome.exitCode, run.outcome.stderr.slice(-3000)).toBe(0)
    expect(run.direct).toBe(0)
    const counts = run.proxies.map((line) => line.requests)
    const total = counts.reduce((sum, count) => sum + count, 0)
    for (const count of counts) expect(count).toBeGreaterThan(total / 10)
  }, 90_000)

  it("without proxies, requests go directly", async () => {
    const run = await start("direct", writeConfig("direct", 'mode = "sticky"'))
    expect(run.outcome.exitCode, run.outcome.stderr.slice(-3000)).toBe(0)
    expect(run.proxied).toBe(0)
    expect(run.direct).toBeGreaterThan(50)
    expect(run.proxies).toEqual([])
  }, 90_000)

  it("every proxy banned mid-run with no direct fallback stops the run with one error (exit 1)", async () => {
    const started = await startProxies()
    const config = writeConfig(
      "banned",
      `urls = [${started.map((proxy) => `"${proxy.url}"`).join(", ")}]\nban_seconds = 600\ndirect_fallback = false`,
    )
    const run = await start("banned", config, () => {
      for (const proxy of started) void proxy.close()
    })
    expect(run.outcome.exitCode, run.outcome.stderr.slice(-3000)).toBe(1)
    expect(run.outcome.stderr).toContain("All 3 proxies are banned")
    expect(run.direct).toBe(0)
  }, 90_000)

  it("refuses a funder that cannot cover the plan: one line with the numbers, exit 2, nothing sent", async () => {
    // A key nobody funded: the funder and its derived wallets hold nothing.
    const poorKey = `0x${"7".repeat(64)}`
    const run = await start("underfunded", writeConfig("underfunded", 'mode = "sticky"'), undefined, poorKey)
    expect(run.outcome.exitCode, run.outcome.stderr).toBe(2)
    const first = run.outcome.stderr.split("\n").find((line) => line.startsWith("error: ")) ?? ""
    expect(first).toMatch(/cannot pay for the plan: needed [\d.]+ ETH, available 0 ETH .* per wallet/)
    const nonce = await jsonRpc<string>(anvil.url, "eth_getTransactionCount", [
      computeAddress(poorKey),
      "latest",
    ])
    expect(BigInt(nonce)).toBe(0n)
  }, 30_000)

  it.each([
    ["an unknown proxy scheme", 'urls = ["ftp://127.0.0.1:21"]'],
    ["a proxy file that does not exist", 'file = "/nonexistent/proxies.txt"'],
  ])(
    "refuses %s: one line, exit 2, nothing sent",
    async (name, table) => {
      const run = await start(`bad-${name.length}`, writeConfig(`bad-${name.length}`, table))
      expect(run.outcome.exitCode).toBe(2)
      expect(run.outcome.stderr.trim().split("\n")[0]).toMatch(/^error: /)
      expect(run.proxied + run.direct).toBe(0)
    },
    30_000,
  )
})
