import { createWallet, type Wallet } from "@testnet/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { createTaskHarness, type TaskHarness } from "../../testing/taskHarness.js"
import { readBalance } from "../shared/reads.js"
import { batchApproveSwap, batchMultiSend, batchTasks, batchTip20Transfers } from "./index.js"

type Receipt = { type: string; status: string; logs: unknown[] }

// One devnet (anvil --network tempo --hardfork T4); wallets hold 1 USD of each genesis stablecoin.
describe("batch tasks on the embedded Tempo devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet
  const receipt = async (hash: string | undefined) =>
    (await harness.rpc.request<Receipt>("eth_getTransactionReceipt", [hash])).unwrap()

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(4)
    const funded = await harness.fund(
      createTip20FundingHook({ sponsor: undefined }),
      funder,
      wallets,
      10n ** 6n,
    )
    expect(funded.unwrap().funded).toBe(4)
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("lists three batch tasks that need batch calls", () => {
    expect(batchTasks.map((task) => task.requires)).toEqual(Array(3).fill(["batchCalls"]))
  })

  it("batch_tip20_transfers sends 2–8 transfers in one 0x76 transaction", async () => {
    const outcome = (await harness.run(batchTip20Transfers, wallet(0))).unwrap()
    expect(outcome.transactions).toHaveLength(1)
    const count = Number(/^(\d+) /.exec(outcome.notes[0] ?? "")?.[1])
    expect(count).toBeGreaterThanOrEqual(2)
    expect(count).toBeLessThanOrEqual(8)
    const mined = await receipt(outcome.transactions[0]?.hash)
    expect([mined.type, mined.status]).toEqual(["0x76", "0x1"])
  })

  it("batch_multi_send deploys MultiSend once, then reuses it", async () => {
    const first = (await harness.run(batchMultiSend, wallet(1))).unwrap()
    expect(first.transactions).toHaveLength(2) // deploy + the batch
    const second = (await harness.run(batchMultiSend, wallet(2), 7)).unwrap()
    expect(second.transactions).toHaveLength(1)
    expect((await receipt(second.transactions[0]?.hash)).type).toBe("0x76")
  })

  it("batch_approve_swap spends pathUSD through approve + swap in one transaction", async () => {
    const context = harness.contextFor(wallet(3), "check")
    const before = (await readBalance(context, tempoAddresses.pathUsd, wallet(3).address)).unwrap()
    const outcome = (await harness.run(batchApproveSwap, wallet(3))).unwrap()
    expect(outcome.transactions).toHaveLength(3) // market + seed ask + approve/swap
    const amountIn = BigInt(/swapped (\d+) pathUSD/.exec(outcome.notes[0] ?? "")?.[1] ?? "0")
    const after = (await readBalance(context, tempoAddresses.pathUsd, wallet(3).address)).unwrap()
    expect(before - after).toBeGreaterThan(amountIn) // the swap input plus three fees
    const again = (await harness.run(batchApproveSwap, wallet(3), 5)).unwrap()
    expect(again.transactions).toHaveLength(1) // the book still has the seed ask
  })
})
