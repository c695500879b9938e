import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { getFreePort } from "@testnet/test-helpers"
import type { AnvilProcess } from "./anvilProcess.js"

/**
 * How one chain CLI command ended.
 *
 * @example
 * const outcome: ChainCliOutcome = await runChainCli({ chain: "risechain", argv: ["--help"], environment: {}, cwd, deadlineMs: 10_000 })
 */
export type ChainCliOutcome = { exitCode: number | null; stdout: string; stderr: string; elapsedMs: number }

const running = new Set<ChildProcess>()

/**
 * The built bin of a chain (`chains/<chain>/dist/bin.js`); build it first with
 * `pnpm --filter @testnet/<chain>... build`.
 *
 * @example
 * chainBinPath("risechain") // /…/chains/risechain/dist/bin.js
 */
export function chainBinPath(chain: "tempo" | "risechain"): string {
  const bin = fileURLToPath(new URL(`../../../chains/${chain}/dist/bin.js`, import.meta.url))
  if (!existsSync(bin))
    throw new Error(`${bin} is missing: run \`pnpm --filter @testnet/${chain}... build\` first`)
  return bin
}

/**
 * Runs `node chains/<chain>/dist/bin.js ARGV` as a user would: only the given TESTNET_* variables
 * reach it (none of the parent's), SIGKILLed at the deadline so a test never hangs.
 *
 * @example
 * const outcome = await runChainCli({ chain: "tempo", argv: ["wallets", "list", "--json"], environment: { TESTNET_FUNDER_KEY: key }, cwd, deadlineMs: 20_000 })
 */
export function runChainCli(parameters: {
  chain: "tempo" | "risechain"
  argv: readonly string[]
  environment: Record<string, string>
  cwd: string
  deadlineMs: number
}): Promise<ChainCliOutcome> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("TESTNET_")),
  )
  const startedAt = performance.now()
  const child = spawn(process.execPath, [chainBinPath(parameters.chain), ...parameters.argv], {
    cwd: parameters.cwd,
    env: { ...inherited, ...parameters.environment, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  running.add(child)
  let stdout = ""
  let stderr = ""
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8")
  })
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8")
  })
  const deadline = setTimeout(() => child.kill("SIGKILL"), parameters.deadlineMs)
  return new Promise((resolve) => {
    child.once("close", (exitCode) => {
      clearTimeout(deadline)
      running.delete(child)
      resolve({ exitCode, stdout, stderr, elapsedMs: performance.now() - startedAt })
    })
  })
}

/**
 * SIGKILLs the CLIs this module started that still run (for `afterAll`, by PID).
 *
 * @example
 * afterAll(() => killChainClis())
 */
export function killChainClis(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
}

/**
 * Starts a plain (Ethereum) anvil as a stand-in for a remote network: the embedded devnet's flags
 * for RISE (1 s blocks, the given chain id) on a free loopback port.
 *
 * @example
 * const anvil = await startPlainAnvil({ chainId: 11155931 })
 */
export async function startPlainAnvil(parameters: { chainId: number }): Promise<AnvilProcess> {
  const require = createRequire(import.meta.url)
  const wrapper = require.resolve("@foundry-rs/anvil/package.json")
  const platform = `${process.platform === "darwin" ? "darwin" : "linux"}-${process.arch === "arm64" ? "arm64" : "amd64"}`
  const binary = createRequire(wrapper).resolve(`@foundry-rs/anvil-${platform}/bin/anvil`)
  const port = await getFreePort()
  const child = spawn(
    binary,
    [
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--block-time",
      "1",
      "--chain-id",
      String(parameters.chainId),
      "--silent",
    ],
    { stdio: ["ignore", "ignore", "ignore"] },
  )
  const pid = child.pid
  if (pid === undefined) throw new Error("anvil did not start")
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    child.kill("SIGKILL")
    await exited
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await jsonRpc(url, "eth_chainId", [])
      return { url, pid, stop }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  await stop()
  throw new Error("anvil did not answer within 20 s")
}

/**
 * One JSON-RPC call (throws on an error answer).
 *
 * @example
 * const price = BigInt(await jsonRpc<string>(url, "eth_gasPrice", []))
 */
export async function jsonRpc<T>(url: string, method: string, params: readonly unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(5000),
  })
  const body = (await response.json()) as { result?: T; error?: { message: string } }
  if (body.error !== undefined || body.result === undefined)
    throw new Error(body.error?.message ?? "no result")
  return body.result
}
