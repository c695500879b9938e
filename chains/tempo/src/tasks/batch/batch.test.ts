import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { readBalance } from "../shared/reads.js"
import { batchApproveSwap, batchMultiSend, batchTasks, batchTip20Transfers } from "./index.js"

type Receipt = { type: string; status: string; logs: unknown[] }

// One devnet (anvil --network tempo --hardfork T4) and one SQLite file; each task runs through the
// runner's single-task path (runLoad, count 1) with a wallet funded up front by the TIP-20 hook.
describe("batch tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner
  const receipt = (hash: string | undefined) => runner.rpc<Receipt>("eth_getTransactionReceipt", [hash])

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 4 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("lists three batch tasks that need batch calls", () => {
    expect(batchTasks.map((task) => task.requires)).toEqual(Array(3).fill(["batchCalls"]))
  })

  it("batch_tip20_transfers sends 2–8 transfers in one 0x76 transaction", async () => {
    const outcome = (await runner.runClean(batchTip20Transfers, { walletIndex: 0 })).unwrap()
    expect(outcome.transactions).toHaveLength(1)
    const count = Number(/^(\d+) /.exec(outcome.notes[0] ?? "")?.[1])
    expect(count).toBeGreaterThanOrEqual(2)
    expect(count).toBeLessThanOrEqual(8)
    const mined = await receipt(outcome.transactions[0]?.hash)
    expect([mined.type, mined.status]).toEqual(["0x76", "0x1"])
  })

  it("batch_multi_send deploys MultiSend once, then reuses it", async () => {
    const first = (await runner.runClean(batchMultiSend, { walletIndex: 1 })).unwrap()
    expect(first.transactions).toHaveLength(2) // deploy + the batch
    const second = (await runner.runClean(batchMultiSend, { walletIndex: 2, seed: 7 })).unwrap()
    expect(second.transactions).toHaveLength(1)
    expect((await receipt(second.transactions[0]?.hash)).type).toBe("0x76")
  })

  it("batch_approve_swap spends pathUSD through approve + swap in one transaction", async () => {
    const address = runner.walletAddress(3)
    const before = (await readBalance(runner.viewAs(0), tempoAddresses.pathUsd, address)).unwrap()
    const outcome = (await runner.runClean(batchApproveSwap, { walletIndex: 3 })).unwrap()
    expect(outcome.transactions).toHaveLength(3) // market + seed ask + approve/swap
    const amountIn = BigInt(/swapped (\d+) pathUSD/.exec(outcome.notes[0] ?? "")?.[1] ?? "0")
    const after = (await readBalance(runner.viewAs(0), tempoAddresses.pathUsd, address)).unwrap()
    expect(before - after).toBeGreaterThan(amountIn) // the swap input plus three fees
    const again = (await runner.runClean(batchApproveSwap, { walletIndex: 3, seed: 5 })).unwrap()
    expect(again.transactions).toHaveLength(1) // the book still has the seed ask
  })
})
