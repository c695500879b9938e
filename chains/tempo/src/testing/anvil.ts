// Test support only (not exported): spawns a real anvil on a free loopback port and stops it by PID.
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { createServer } from "node:net"

/** A running anvil started by {@link startAnvil}. */
export type TestAnvil = { readonly rpcUrl: string; readonly pid: number; stop(): Promise<void> }

const platformPackages: Record<string, string> = {
  "linux-x64": "@foundry-rs/anvil-linux-amd64",
  "linux-arm64": "@foundry-rs/anvil-linux-arm64",
  "darwin-x64": "@foundry-rs/anvil-darwin-amd64",
  "darwin-arm64": "@foundry-rs/anvil-darwin-arm64",
}

/** The platform binary (spawned directly, so the PID we kill is anvil itself, not a node wrapper). */
function anvilBinary(): string {
  const fromEnvironment = process.env.TESTNET_ANVIL_PATH
  if (fromEnvironment) return fromEnvironment
  const wrapper = createRequire(import.meta.url).resolve("@foundry-rs/anvil/package.json")
  const platformPackage = platformPackages[`${process.platform}-${process.arch}`]
  if (platformPackage === undefined)
    throw new Error(`no anvil binary for ${process.platform}-${process.arch}`)
  return createRequire(wrapper).resolve(`${platformPackage}/bin/anvil`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, deadline: number): Promise<boolean> {
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      })
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

/** Starts anvil with `extraArguments` on 127.0.0.1; retries on a port race. */
export async function startAnvil(extraArguments: readonly string[]): Promise<TestAnvil> {
  const binary = anvilBinary()
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort()
    const child = spawn(binary, ["--host", "127.0.0.1", "--port", String(port), ...extraArguments], {
      stdio: ["ignore", "ignore", "pipe"],
    })
    let stderr = ""
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const rpcUrl = `http://127.0.0.1:${port}`
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    if (await waitForRpc(rpcUrl, child, Date.now() + 20_000)) {
      const pid = child.pid ?? -1
      return {
        rpcUrl,
        pid,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill("SIGTERM")
          const timer = setTimeout(() => child.kill("SIGKILL"), 3_000)
          await exited
          clearTimeout(timer)
        },
      }
    }
    child.kill("SIGKILL")
    await exited
    if (!/address already in use/i.test(stderr))
      throw new Error(`anvil did not start: ${stderr.slice(0, 500)}`)
  }
  throw new Error("anvil did not start: no free port after 5 attempts")
}
