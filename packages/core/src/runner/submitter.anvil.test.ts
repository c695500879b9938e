import { type NetworkConditions, startNetworkConditionsProxy } from "@testnet/test-helpers"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../devnet/index.js"
import { createRpcClient } from "../rpc/client.js"
import { createTestPipeline } from "../testing/runner/anvilPipeline.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import { createWallet } from "../wallet/wallet.js"

// Sends through a proxy that forwards each send to a real anvil and then answers an error in its
// place (JSON-RPC -32603, or EIP-7966 code 4/5 for the sync variant). The node has every one of
// those transactions: none may end failed, and no nonce may be handed out twice.

const chainId = 31337
let devnet: Devnet

beforeAll(async () => {
  const started = await startDevnet({ chainId, blockTimeSeconds: 1 })
  if (started.isErr()) throw started.error
  devnet = started.value
})

afterAll(async () => {
  await devnet?.stop()
})

async function sendThroughFaults(parameters: {
  conditions: NetworkConditions
  sync: boolean
  accounts: number[]
}) {
  const proxy = await startNetworkConditionsProxy({
    upstream: devnet.rpcUrl,
    conditions: parameters.conditions,
    seed: 7,
  })
  const rpc = createRpcClient({ endpoints: [proxy.url], timeoutMs: 40_000 })
  const direct = createRpcClient({ endpoints: [devnet.rpcUrl] })
  const { rows, final, recorder } = createMemoryRecorder()
  const { tracker, submitter } = createTestPipeline({
    rpc,
    recorder,
    chainId,
    gas: { minPriorityFeePerGas: 1_000_000_000n },
    tracker: { dropCheckAfterBlocks: 3 },
    submitter: { useSendRawTransactionSync: parameters.sync },
  })
  try {
    await tracker.start()
    const wallets = parameters.accounts.map((index) =>
      createWallet(devnet.accounts[index]!.privateKey).unwrap(),
    )
    const perWallet = 8
    for (let round = 0; round < perWallet; round += 1) {
      const sent = await Promise.all(
        wallets.map((wallet) =>
          submitter.send({
            wallet,
            taskName: "transfer",
            request: { to: hexlify(randomBytes(20)), value: 1n, gasLimit: 21_000n },
          }),
        ),
      )
      for (const result of sent) expect(result.isOk()).toBe(true)
    }
    expect(await tracker.waitForSettled(30_000)).toBe(true)
    const minedNonces = await Promise.all(
      wallets.map(async (wallet) =>
        BigInt(
          (await direct.request<string>("eth_getTransactionCount", [wallet.address, "latest"])).unwrap(),
        ),
      ),
    )
    return { rows, final, wallets, minedNonces, perWallet, counters: proxy.counters, stats: tracker.stats() }
  } finally {
    tracker.stop()
    await rpc.close()
    await direct.close()
    await proxy.close()
  }
}

function expectEveryRowIncludedAndNoNonceReused(outcome: Awaited<ReturnType<typeof sendThroughFaults>>) {
  const statuses = outcome.rows.map((row) => outcome.final.get(row.hash)?.status ?? "pending")
  expect(statuses.every((status) => status === "included")).toBe(true)
  for (const [index, wallet] of outcome.wallets.entries()) {
    const nonces = outcome.rows.filter((row) => row.wallet === wallet.address).map((row) => row.nonce)
    expect(new Set(nonces).size).toBe(nonces.length)
    expect(outcome.minedNonces[index]).toBe(BigInt(outcome.perWallet))
  }
}

describe("sends answered with an error after the node got them", () => {
  it("eth_sendRawTransaction forwarded then always answered -32603: every row ends included, no nonce reused", async () => {
    const outcome = await sendThroughFaults({
      conditions: { forwardThenError: { probability: 1 } },
      sync: false,
      accounts: [1, 2],
    })
    expect(outcome.counters.forwardThenError).toBeGreaterThan(0)
    expect(outcome.rows).toHaveLength(16)
    expectEveryRowIncludedAndNoNonceReused(outcome)
  }, 60_000)

  it("eth_sendRawTransactionSync answered EIP-7966 code 4/5: tracked by hash and included", async () => {
    const outcome = await sendThroughFaults({
      conditions: { eip7966: { probability: 0.5, codes: [4, 5] } },
      sync: true,
      accounts: [3],
    })
    expect(outcome.counters.eip7966).toBeGreaterThan(0)
    expectEveryRowIncludedAndNoNonceReused(outcome)
  }, 90_000)
})
