import { createServer, type Server } from "node:net"
import { afterAll, describe, expect, it } from "vitest"
import { findFreePort } from "./findFreePort.js"
import { getRunningDevnetPids } from "./processRegistry.js"
import { type Devnet, startDevnet } from "./startDevnet.js"

const started: Devnet[] = []

afterAll(async () => {
  await Promise.all(started.map((devnet) => devnet.stop()))
})

async function rpc<T>(rpcUrl: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  })
  const body = (await response.json()) as { result: T }
  return body.result
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false
    throw error
  }
}

describe("startDevnet", () => {
  it("starts anvil on a free loopback port, answers, mines by time, and stops", async () => {
    const result = await startDevnet({ chainId: 31337, blockTimeSeconds: 0.2, accounts: 3 })
    expect(result.isOk()).toBe(true)
    const devnet = result.unwrap()
    started.push(devnet)
    expect(devnet.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(devnet.chainId).toBe(31337)
    expect(devnet.arguments).toContain("--block-time")
    expect(getRunningDevnetPids()).toContain(devnet.pid)
    expect(devnet.accounts.map((account) => account.address)).toEqual([
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
    ])
    // the dev accounts are funded (anvil gives each 10000 ETH)
    const balance = await rpc<string>(devnet.rpcUrl, "eth_getBalance", [
      devnet.accounts[2]?.address,
      "latest",
    ])
    expect(BigInt(balance)).toBe(10_000n * 10n ** 18n)
    // interval mining, not automine: blocks appear without transactions
    const before = BigInt(await rpc<string>(devnet.rpcUrl, "eth_blockNumber"))
    await new Promise((resolve) => setTimeout(resolve, 700))
    const after = BigInt(await rpc<string>(devnet.rpcUrl, "eth_blockNumber"))
    expect(after).toBeGreaterThan(before)
    const block = await rpc<{ gasLimit: string }>(devnet.rpcUrl, "eth_getBlockByNumber", ["latest", false])
    expect(BigInt(block.gasLimit)).toBe(1_000_000_000n)

    await devnet.stop()
    await devnet.stop() // idempotent
    expect(isAlive(devnet.pid)).toBe(false)
    expect(getRunningDevnetPids()).not.toContain(devnet.pid)
  })

  it("runs two devnets in parallel on different ports", async () => {
    const [first, second] = await Promise.all([
      startDevnet({ chainId: 1001 }),
      startDevnet({ chainId: 1002 }),
    ])
    const a = first.unwrap()
    const b = second.unwrap()
    started.push(a, b)
    expect(a.port).not.toBe(b.port)
    expect(await rpc<string>(a.rpcUrl, "eth_chainId")).toBe("0x3e9")
    expect(await rpc<string>(b.rpcUrl, "eth_chainId")).toBe("0x3ea")
    await Promise.all([a.stop(), b.stop()])
    expect(isAlive(a.pid) || isAlive(b.pid)).toBe(false)
  })

  it("starts Tempo mode with its precompiles (pathUSD has code)", async () => {
    const result = await startDevnet({ chainId: 42431, network: "tempo", hardfork: "T4" })
    const devnet = result.unwrap()
    started.push(devnet)
    expect(devnet.chainId).toBe(42431)
    expect(devnet.arguments).toEqual(expect.arrayContaining(["--network", "tempo", "--hardfork", "T4"]))
    const code = await rpc<string>(devnet.rpcUrl, "eth_getCode", [
      "0x20C0000000000000000000000000000000000000",
      "latest",
    ])
    expect(code.length).toBeGreaterThan(2)
    await devnet.stop()
  })

  it("reports anvil's own error line for a bad flag", async () => {
    const result = await startDevnet({ chainId: 1, extraArguments: ["--definitely-not-a-flag"] })
    expect(result.isErr()).toBe(true)
    const error = result.unwrapErr()
    expect(error.name).toBe("DevnetFailedToStartError")
    expect(error.shortMessage).toBe(
      "The devnet (anvil) failed to start: error: unexpected argument '--definitely-not-a-flag' found",
    )
    expect(error.details).toBe("anvil exited with code 2")
  })

  it("reports a port that is taken (fixed port) as DevnetPortInUseError", async () => {
    const port = await findFreePort()
    const blocker: Server = createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve))
    try {
      const result = await startDevnet({ chainId: 1, port })
      const error = result.unwrapErr()
      expect(error.name).toBe("DevnetPortInUseError")
      expect(error.shortMessage).toBe(`The devnet could not bind a free port (last tried 127.0.0.1:${port}).`)
      expect(String((error.cause as Error).message)).toMatch(/Address already in use/)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it("retries on another port when the chosen one was taken meanwhile", async () => {
    const taken = await findFreePort()
    const blocker: Server = createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => blocker.listen(taken, "127.0.0.1", resolve))
    const offered: number[] = []
    try {
      const result = await startDevnet({
        chainId: 1,
        choosePort: async () => {
          const port = offered.length === 0 ? taken : await findFreePort()
          offered.push(port)
          return port
        },
      })
      const devnet = result.unwrap()
      started.push(devnet)
      expect(offered).toHaveLength(2)
      expect(devnet.port).toBe(offered[1])
      await devnet.stop()
      // every attempt taken: a port error after portAttempts tries
      const exhausted = await startDevnet({ chainId: 1, portAttempts: 2, choosePort: async () => taken })
      expect(exhausted.unwrapErr().shortMessage).toBe(
        `The devnet could not bind a free port (last tried 127.0.0.1:${taken}).`,
      )
      expect(exhausted.unwrapErr().details).toBe("gave up after 2 attempt(s)")
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it("falls back to the npm package when TESTNET_ANVIL_PATH does not exist", async () => {
    const result = await startDevnet({
      chainId: 1,
      environment: { TESTNET_ANVIL_PATH: "/nonexistent/anvil" },
    })
    expect(result.isOk()).toBe(true)
    const devnet = result.unwrap()
    started.push(devnet)
    await devnet.stop()
  })

  it("rejects automine (block time 0) as a programming error", async () => {
    await expect(startDevnet({ chainId: 1, blockTimeSeconds: 0 })).rejects.toThrow(/must be > 0/)
  })
})
