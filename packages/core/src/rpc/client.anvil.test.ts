import {
  type FaultyRpcServer,
  startFaultyRpcServer,
  startHttpProxy,
  startSocks5Proxy,
} from "@testnet/test-helpers"
import { keccak256, Wallet } from "ethers"
import type { Dispatcher } from "undici"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../devnet/index.js"
import { createProxyManager } from "../proxy/proxyManager.js"
import { isAcceptedSend } from "./classify.js"
import { createRpcClient, type RpcClient } from "./client.js"

const chainId = 31337
let devnet: Devnet
let rpc: RpcClient
let sender: Wallet

beforeAll(async () => {
  const started = await startDevnet({ chainId, blockTimeSeconds: 1 })
  if (started.isErr()) throw started.error
  devnet = started.value
  rpc = createRpcClient({ endpoints: [devnet.rpcUrl] })
  // anvil dev account 0: a well-known key of the default test mnemonic.
  sender = new Wallet(devnet.accounts[0]!.privateKey)
})

afterAll(async () => {
  await rpc?.close()
  await devnet?.stop()
})

const fees = {
  maxFeePerGas: 20_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
  gasLimit: 21_000n,
  type: 2,
  chainId,
}

async function pendingNonce(address: string): Promise<number> {
  return Number((await rpc.request<string>("eth_getTransactionCount", [address, "pending"])).unwrap())
}

async function waitForNonce(address: string, nonce: number): Promise<void> {
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    const mined = Number((await rpc.request<string>("eth_getTransactionCount", [address, "latest"])).unwrap())
    if (mined >= nonce) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`nonce ${nonce} not mined in time`)
}

describe("against a real anvil", () => {
  it("batches N concurrent calls into ⌈N/max⌉ HTTP requests", async () => {
    const batched = createRpcClient({ endpoints: [devnet.rpcUrl], maxBatchSize: 50 })
    try {
      const results = await Promise.all(
        Array.from({ length: 120 }, () => batched.request<string>("eth_chainId", [])),
      )
      expect(results.every((result) => result.isOk() && Number(result.value) === chainId)).toBe(true)
      expect(batched.stats()).toMatchObject({ calls: 120, httpRequests: 3, largestBatch: 50 })
    } finally {
      await batched.close()
    }
  })

  it("classifies anvil's already known, nonce too low and insufficient funds", async () => {
    const nonce = await pendingNonce(sender.address)
    const raw = await sender.signTransaction({ ...fees, to: sender.address, value: 1n, nonce })
    const sent = await rpc.request<string>("eth_sendRawTransaction", [raw])
    expect(sent.unwrap()).toBe(keccak256(raw))

    const again = await rpc.request("eth_sendRawTransaction", [raw])
    expect(again.isErr() && again.error.code).toBe("RPC_ALREADY_KNOWN")
    expect(again.isErr() && isAcceptedSend(again.error)).toBe(true)

    await waitForNonce(sender.address, nonce + 1)
    const stale = await sender.signTransaction({ ...fees, to: sender.address, value: 2n, nonce })
    const tooLow = await rpc.request("eth_sendRawTransaction", [stale])
    expect(tooLow.isErr() && tooLow.error.code).toBe("RPC_NONCE_TOO_LOW")

    const poor = Wallet.createRandom()
    const broke = await rpc.request("eth_sendRawTransaction", [
      await poor.signTransaction({ ...fees, to: sender.address, value: 1n, nonce: 0 }),
    ])
    expect(broke.isErr() && broke.error.code).toBe("RPC_INSUFFICIENT_FUNDS")
    expect(broke.isErr() && broke.error.message).toContain("Insufficient funds for gas * price + value")
  })

  it("speaks JSON-RPC over ws:// too: batches, node errors and sends", async () => {
    const webSocket = createRpcClient({
      endpoints: [devnet.rpcUrl.replace("http://", "ws://")],
      maxBatchSize: 20,
    })
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => webSocket.request<string>("eth_chainId", [])),
      )
      expect(results.every((result) => result.isOk() && Number(result.value) === chainId)).toBe(true)
      expect(webSocket.stats()).toMatchObject({ calls: 50, httpRequests: 3, largestBatch: 20 })
      const nonce = await pendingNonce(sender.address)
      const raw = await sender.signTransaction({ ...fees, to: sender.address, value: 5n, nonce })
      expect((await webSocket.request<string>("eth_sendRawTransaction", [raw])).unwrap()).toBe(keccak256(raw))
      const again = await webSocket.request("eth_sendRawTransaction", [raw])
      expect(again.isErr() && again.error.code).toBe("RPC_ALREADY_KNOWN")
    } finally {
      await webSocket.close()
    }
  })

  it("runs ws:// through HTTP and SOCKS5 proxies", async () => {
    const http = await startHttpProxy()
    const socks = await startSocks5Proxy({ auth: { username: "bob", password: "pw" } })
    try {
      for (const proxy of [http.url, socks.urlWith("bob", "pw")]) {
        const proxies = createProxyManager({ proxies: [proxy], mode: "rotate" }).unwrap()
        const client = createRpcClient({
          endpoints: [devnet.rpcUrl.replace("http://", "ws://")],
          dispatcher: proxies.dispatcherFor() as Dispatcher,
        })
        try {
          expect(Number((await client.request<string>("eth_chainId", [])).unwrap())).toBe(chainId)
        } finally {
          await client.close()
          await proxies.close()
        }
      }
      expect(http.proxiedRequests).toBe(1)
      expect(socks.connections).toBe(1)
    } finally {
      await http.close()
      await socks.close()
    }
  })

  it("decodes a real Error(string) revert from eth_call", async () => {
    // Init code that stores Error("boom") in memory and reverts with it.
    const payload =
      "08c379a0" +
      "0000000000000000000000000000000000000000000000000000000000000020" +
      "0000000000000000000000000000000000000000000000000000000000000004" +
      "626f6f6d00000000000000000000000000000000000000000000000000000000"
    let code = ""
    for (let word = 0; word * 64 < payload.length; word += 1) {
      code += `7f${payload.slice(word * 64, word * 64 + 64).padEnd(64, "0")}60${(word * 32).toString(16).padStart(2, "0")}52`
    }
    code += `60${(payload.length / 2).toString(16).padStart(2, "0")}6000fd`
    const result = await rpc.request("eth_call", [{ data: `0x${code}` }, "latest"])
    expect(result.isErr() && result.error.shortMessage).toBe(
      `Execution reverted: boom (eth_call at ${devnet.rpcUrl}).`,
    )
  })

  it("re-sends a transaction after a reset and a 503 (same hash), through a faulty proxy in front of anvil", async () => {
    let faulty: FaultyRpcServer | undefined
    try {
      faulty = await startFaultyRpcServer({
        upstream: devnet.rpcUrl,
        script: [{ kind: "reset" }, { kind: "status", status: 503 }],
      })
      const client = createRpcClient({ endpoints: [faulty.url], backoff: { baseDelayMs: 5, maxDelayMs: 20 } })
      try {
        const nonce = await pendingNonce(sender.address)
        const raw = await sender.signTransaction({ ...fees, to: sender.address, value: 3n, nonce })
        const sent = await client.request<string>("eth_sendRawTransaction", [raw])
        expect(sent.unwrap()).toBe(keccak256(raw))
        expect(faulty.requests.map((request) => request.step)).toEqual(["reset", "status", "pass"])
        expect(client.stats().retries).toBe(2)
      } finally {
        await client.close()
      }
    } finally {
      await faulty?.close()
    }
  })

  it("recognises its own earlier success when a resend after a timeout meets nonce too low", async () => {
    const nonce = await pendingNonce(sender.address)
    const raw = await sender.signTransaction({ ...fees, to: sender.address, value: 4n, nonce })
    expect((await rpc.request<string>("eth_sendRawTransaction", [raw])).unwrap()).toBe(keccak256(raw))
    await waitForNonce(sender.address, nonce + 1)
    // The first attempt "hangs" (as if the answer was lost), the resend gets nonce too low.
    const faulty = await startFaultyRpcServer({ upstream: devnet.rpcUrl, script: [{ kind: "hang" }] })
    const client = createRpcClient({ endpoints: [faulty.url], timeoutMs: 300, backoff: { baseDelayMs: 5 } })
    try {
      const sent = await client.request<string>("eth_sendRawTransaction", [raw])
      expect(sent.unwrap()).toBe(keccak256(raw))
      expect(client.stats().byMethod).toMatchObject({
        eth_sendRawTransaction: 1,
        eth_getTransactionByHash: 1,
      })
    } finally {
      await client.close()
      await faulty.close()
    }
  })
})
