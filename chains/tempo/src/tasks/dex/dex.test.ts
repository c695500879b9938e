import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { tempoTaskCategories } from "../catalog.js"
import { readBalance } from "../shared/reads.js"
import { dexBalance, pairExists } from "./book.js"
import {
  dexCancelOrder,
  dexCreatePair,
  dexPlaceFlipOrder,
  dexPlaceOrders,
  dexSwapExactIn,
  dexSwapExactOut,
  dexTasks,
  dexWithdraw,
} from "./index.js"

// One devnet (anvil --network tempo --hardfork T4); wallets funded with 1 USD of each genesis
// stablecoin, as a default devnet run funds them: every order is paid for by minting own tokens.
describe("dex tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 4 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("lists seven dex tasks", () => {
    expect(dexTasks).toHaveLength(7)
    expect(tempoTaskCategories.dex?.map((task) => task.category)).toEqual(Array(7).fill("dex"))
  })

  it("dex_create_pair creates a pair once, then finds it", async () => {
    const first = (await runner.runClean(dexCreatePair, { walletIndex: 0 })).unwrap()
    expect(first.transactions).toHaveLength(2) // token creation + createPair
    const token = /pair (0x[0-9a-fA-F]{40})/.exec(first.notes[0] ?? "")?.[1] ?? ""
    const context = runner.viewAs(0)
    expect((await pairExists(context, token, tempoAddresses.pathUsd)).unwrap()).toBe(true)
    const second = (await runner.runClean(dexCreatePair, { walletIndex: 0, seed: 2 })).unwrap()
    expect(second.transactions).toHaveLength(0)
    expect(second.notes[0]).toMatch(/already exists/)
  })

  it("dex_place_orders places a bid and an ask in one transaction", async () => {
    const outcome = (await runner.runClean(dexPlaceOrders, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(2) // market creation + the order batch
    expect(outcome.notes[0]).toMatch(/^bid \d+ @-\d+0, ask \d+ @\d+0$/)
  })

  it("dex_place_flip_order reuses the market and places a flip order", async () => {
    const outcome = (await runner.runClean(dexPlaceFlipOrder, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(1)
    expect(outcome.notes[0]).toMatch(/^flip order \d+ bid @-(\d+) → ask @\1$/)
  })

  it("dex_swap_exact_in swaps against the existing book", async () => {
    const outcome = (await runner.runClean(dexSwapExactIn, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(1)
    expect(outcome.notes[0]).toMatch(/^swapped \d+ in/)
  })

  it("dex_swap_exact_out seeds an empty book first", async () => {
    const outcome = (await runner.runClean(dexSwapExactOut, { walletIndex: 2 })).unwrap()
    expect(outcome.transactions).toHaveLength(3) // market + seed order + swap
  })

  it("dex_cancel_order cancels the order it placed", async () => {
    const outcome = (await runner.runClean(dexCancelOrder, { walletIndex: 3 })).unwrap()
    expect(outcome.notes[0]).toMatch(/^order \d+ placed and cancelled$/)
  })

  it("dex_withdraw empties the internal balance into the wallet", async () => {
    const outcome = (await runner.runClean(dexWithdraw, { walletIndex: 3 })).unwrap()
    const withdrawn = BigInt(/withdrew (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "0")
    expect(withdrawn).toBeGreaterThanOrEqual(100_000_000n)
    const context = runner.viewAs(3)
    const assets = (await context.database.assetsByKind({ kind: "dex_market" })).unwrap()
    const base = assets.find((asset) => asset.wallet === runner.walletAddress(3))?.address ?? ""
    expect((await dexBalance(context, base)).unwrap()).toBe(0n)
    expect((await readBalance(context, base, runner.walletAddress(3))).unwrap()).toBeGreaterThanOrEqual(
      withdrawn,
    )
  })
})
