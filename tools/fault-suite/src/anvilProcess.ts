import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { getFreePort } from "@testnet/test-helpers"

/**
 * A running external anvil.
 *
 * @example
 * const anvil: AnvilProcess = await startAnvil({ chainId: 42431 })
 * await anvil.stop()
 */
export type AnvilProcess = { url: string; pid: number; stop(): Promise<void> }

/** The platform binary the `@foundry-rs/anvil` wrapper ships (spawned directly: its PID is anvil's). */
function anvilBinary(): string {
  const require = createRequire(import.meta.url)
  const wrapper = require.resolve("@foundry-rs/anvil/package.json")
  const platform = `${process.platform === "darwin" ? "darwin" : "linux"}-${process.arch === "arm64" ? "arm64" : "amd64"}`
  const binary = createRequire(wrapper).resolve(`@foundry-rs/anvil-${platform}/bin/anvil`)
  if (!existsSync(binary)) throw new Error(`anvil binary not found at ${binary}`)
  return binary
}

async function waitForChainId(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode} before answering`)
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
        signal: AbortSignal.timeout(1000),
      })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`anvil did not answer eth_chainId within ${deadlineMs} ms`)
}

/**
 * Starts anvil as a user's external network on a free loopback port, with the embedded devnet's
 * flags: for `tempo` (the default) Tempo mode, hardfork T4, no pool balance checks and 300M gas;
 * for `ethereum` a plain chain (RISE's stand-in); 1 s blocks for both.
 *
 * @example
 * const anvil = await startAnvil({ chainId: 42431, accounts: 20 })
 * const rise = await startAnvil({ chainId: 11155931, network: "ethereum" })
 * console.log(anvil.url) // http://127.0.0.1:PORT
 */
export async function startAnvil(parameters: {
  chainId: number
  accounts?: number
  network?: "tempo" | "ethereum"
}): Promise<AnvilProcess> {
  const port = await getFreePort()
  const tempoFlags =
    (parameters.network ?? "tempo") === "tempo"
      ? [
          "--network",
          "tempo",
          "--hardfork",
          "T4",
          "--disable-pool-balance-checks",
          "--gas-limit",
          "300000000",
        ]
      : []
  const child = spawn(
    anvilBinary(),
    [
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      ...tempoFlags,
      "--block-time",
      "1",
      "--chain-id",
      String(parameters.chainId),
      "--accounts",
      String(parameters.accounts ?? 10),
      "--silent",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  )
  const pid = child.pid
  if (pid === undefined) throw new Error("anvil did not start")
  // Read stderr so a chatty anvil never blocks on a full pipe; keep the end for error messages.
  let stderrTail = ""
  child.stderr?.on("data", (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString("utf8")).slice(-2000)
  })
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    child.kill("SIGKILL")
    await exited
  }
  try {
    await waitForChainId(url, child, 30_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}; anvil's stderr: ${stderrTail.trim() || "(empty)"}`, {
      cause: error,
    })
  }
  return { url, pid, stop }
}
