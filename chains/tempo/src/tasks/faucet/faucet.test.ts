import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { createWallet, type Wallet } from "@testnet/core"
import { createTaskHarness, type Devnet, type TaskHarness } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { readBalance } from "../shared/reads.js"
import { faucetFundAddress, faucetSupport, faucetTasks } from "./index.js"

type JsonRpcRequest = { id: number; method: string; params: unknown[] }
const faucetAmount = 5_000_000n

async function forward(rpcUrl: string, request: JsonRpcRequest): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", ...request }),
  })
  return response.json()
}

// A loopback JSON-RPC front of the devnet that adds `tempo_fundAddress` like Moderato's: dev
// account 1 (unlocked in anvil) sends 5 pathUSD to the address; the answer is the hash list.
function startFaucetFront(devnet: Devnet): Promise<Server> {
  const funder = devnet.accounts[1]?.address
  const answer = async (request: JsonRpcRequest) => {
    if (request.method !== "tempo_fundAddress") return forward(devnet.rpcUrl, request)
    const data = encodeTip20Transfer(String(request.params[0]), faucetAmount)
    const sent = (await forward(devnet.rpcUrl, {
      id: request.id,
      method: "eth_sendTransaction",
      params: [{ from: funder, to: tempoAddresses.pathUsd, data }],
    })) as { result: string }
    return { jsonrpc: "2.0", id: request.id, result: [sent.result] }
  }
  const server = createServer((incoming, outgoing) => {
    let body = ""
    incoming.on("data", (chunk: Buffer) => {
      body += chunk.toString()
    })
    incoming.on("end", async () => {
      const parsed = JSON.parse(body) as JsonRpcRequest | JsonRpcRequest[]
      const result = Array.isArray(parsed) ? await Promise.all(parsed.map(answer)) : await answer(parsed)
      outgoing.setHeader("content-type", "application/json")
      outgoing.end(JSON.stringify(result))
    })
  })
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)))
}

describe("faucet task on the embedded Tempo devnet", () => {
  let devnet: Devnet
  let front: Server
  let harness: TaskHarness
  let fronted: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet

  beforeAll(async () => {
    devnet = await startTempoTestDevnet()
    front = await startFaucetFront(devnet)
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`
    fronted = await createTaskHarness({ rpcUrl: frontUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(2)
    const funded = await harness.fund(
      createTip20FundingHook({ sponsor: undefined }),
      funder,
      wallets,
      10n ** 6n,
    )
    expect(funded.unwrap().funded).toBe(2)
  })
  afterAll(async () => {
    await fronted?.close()
    await harness?.close()
    await new Promise((resolve) => front?.close(resolve))
    await devnet?.stop()
  })

  it("lists the faucet task", () => {
    expect(faucetTasks.map((task) => task.name)).toEqual(["faucet_fund_address"])
  })

  it("faucet_fund_address drips from the wallet on anvil, asking for tempo_fundAddress once per run", async () => {
    // The funding hook asked the endpoint too (for empty wallets): count from here on.
    const asked = () => harness.rpc.stats().byMethod.tempo_fundAddress ?? 0
    const askedBefore = asked()
    const first = (await harness.run(faucetFundAddress, wallet(0))).unwrap()
    expect(first.transactions).toHaveLength(1)
    expect(first.notes[0]).toMatch(/^drip: 3 stablecoins to 0x[0-9a-fA-F]{40}$/)
    const recipient = first.notes[0]?.split(" ").at(-1) ?? ""
    const context = harness.contextFor(wallet(0), "check")
    expect((await readBalance(context, tempoAddresses.betaUsd, recipient)).unwrap()).toBeGreaterThan(0n)
    expect(faucetSupport(context.runId)).toBe(false)
    const second = (await harness.run(faucetFundAddress, wallet(0), 2)).unwrap()
    expect(second.transactions).toHaveLength(1)
    expect(asked() - askedBefore).toBe(1)
  })

  it("faucet_fund_address uses tempo_fundAddress where the endpoint has it", async () => {
    const context = fronted.contextFor(wallet(1), "check")
    const before = (await readBalance(context, tempoAddresses.pathUsd, wallet(1).address)).unwrap()
    const outcome = (await fronted.run(faucetFundAddress, wallet(1))).unwrap()
    expect(outcome.transactions).toHaveLength(0)
    expect(outcome.notes).toEqual([`faucet: 1 transactions to ${wallet(1).address}`])
    const after = (await readBalance(context, tempoAddresses.pathUsd, wallet(1).address)).unwrap()
    expect(after - before).toBe(faucetAmount)
    expect(faucetSupport(context.runId)).toBe(true)
  })
})
