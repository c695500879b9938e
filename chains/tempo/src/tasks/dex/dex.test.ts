import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { stablecoinDexInterface } from "../../contracts/stablecoinDex.js"
import { sentBeforeEarlierMined } from "../../testing/backToBack.js"
import { tempoTaskCategories } from "../catalog.js"
import { readTransferPolicyId } from "../policies/tokenPolicy.js"
import { readBalance } from "../shared/reads.js"
import { dexBalance, pairExists } from "./book.js"
import { staleMarketAssetKind } from "./cancelStaleOrder.js"
import {
  dexCancelOrder,
  dexCancelStaleOrder,
  dexCreatePair,
  dexFillFlipOrder,
  dexPlaceFlipOrder,
  dexPlaceOrders,
  dexQuoteExactOut,
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
    runner = await startTaskRunner({ chain: tempo, wallets: 8 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("lists ten dex tasks", () => {
    expect(dexTasks).toHaveLength(10)
    expect(tempoTaskCategories.dex?.map((task) => task.category)).toEqual(Array(10).fill("dex"))
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
    // Each went out right behind the one before (the swap's limit needs no quote behind a fresh seed).
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true, true])
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

  it("dex_withdraw on a new market: place and cancel an ask, withdraw the refund right behind the cancel", async () => {
    const outcome = (await runner.runClean(dexWithdraw, { walletIndex: 7 })).unwrap()
    expect(outcome.transactions).toHaveLength(4) // market, ask, cancel, withdraw
    // The ask behind the market; the cancel names the order's id (waits); the withdraw behind it.
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true, false, true])
    const withdrawn = BigInt(/withdrew (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "0")
    const context = runner.viewAs(7)
    const assets = (await context.database.assetsByKind({ kind: "dex_market" })).unwrap()
    const base = assets.find((asset) => asset.wallet === runner.walletAddress(7))?.address ?? ""
    expect((await dexBalance(context, base)).unwrap()).toBe(0n)
    expect((await readBalance(context, base, runner.walletAddress(7))).unwrap()).toBe(withdrawn)
  })

  it("dex_fill_flip_order fills a flip bid and finds the flipped ask on the book", async () => {
    const outcome = (await runner.runClean(dexFillFlipOrder, { walletIndex: 4 })).unwrap()
    // A new market, the flip bid and the sell filling it, each right behind the one before.
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true, true])
    const [, , flipped, tick] =
      /flip order (\d+) filled, flipped to ask (\d+) @(\d+)/.exec(outcome.notes[0] ?? "") ?? []
    const returned = await runner.viewAs(4).call({
      to: tempoAddresses.stablecoinDex,
      data: stablecoinDexInterface.encodeFunctionData("getOrder", [BigInt(flipped ?? "0")]),
    })
    const order = stablecoinDexInterface.decodeFunctionResult("getOrder", returned.unwrap())[0]
    expect(order.maker).toBe(runner.walletAddress(4))
    expect(order.isBid).toBe(false)
    expect(order.tick).toBe(BigInt(tick ?? "-1"))
    expect(order.remaining).toBeGreaterThan(0n)
  })

  it("dex_quote_exact_out pays exactly the quote for exactly the amount out", async () => {
    const outcome = (await runner.runClean(dexQuoteExactOut, { walletIndex: 5 })).unwrap()
    const [, quoted, out] = /quoted (\d+) in for (\d+) out/.exec(outcome.notes[0] ?? "") ?? []
    // Ticks stay within ±2 %: the quote is close to par.
    expect(BigInt(quoted ?? "0")).toBeGreaterThanOrEqual((BigInt(out ?? "0") * 98n) / 100n)
    expect(BigInt(quoted ?? "0")).toBeLessThanOrEqual((BigInt(out ?? "0") * 102n) / 100n + 1n)
    // The task checks the DEX's transfer in its receipt; here the wallet's balances on chain: a
    // second swap on the now-existing market adds exactly the amount out to the token it bought
    // (the other one is minted for the swap, and for a seed order when a side ran empty).
    const context = runner.viewAs(5)
    const market = (await context.database.assetsByKind({ kind: "dex_market" })).unwrap()
    const mine = market.find((asset) => asset.wallet === runner.walletAddress(5))
    const tokens = [mine?.address ?? "", String(mine?.metadata?.quote ?? "")]
    const balances = () =>
      Promise.all(
        tokens.map(async (token) => (await readBalance(context, token, runner.walletAddress(5))).unwrap()),
      )
    const before = await balances()
    const second = (await runner.runClean(dexQuoteExactOut, { walletIndex: 5, seed: 3 })).unwrap()
    const secondOut = BigInt(/for (\d+) out/.exec(second.notes[0] ?? "")?.[1] ?? "-1")
    const after = await balances()
    const gained = after.map((value, index) => value - (before[index] ?? 0n))
    expect(gained).toContain(secondOut)
  })

  it("dex_cancel_stale_order cancels an order once its maker is blacklisted, twice in a row", async () => {
    const first = (await runner.runClean(dexCancelStaleOrder, { walletIndex: 6 })).unwrap()
    expect(first.transactions).toHaveLength(4) // pair, order, blacklist, attach + cancelStaleOrder
    const second = (await runner.runClean(dexCancelStaleOrder, { walletIndex: 6, seed: 2 })).unwrap()
    expect(second.transactions).toHaveLength(3) // the pair is reused, its policy reset first
    const assets = (await runner.viewAs(6).database.assetsByKind({ kind: staleMarketAssetKind })).unwrap()
    const token = assets[0]?.address ?? ""
    expect((await readTransferPolicyId(runner.viewAs(6), token)).unwrap()).toBeGreaterThan(1n)
    const orderId = BigInt(/stale order (\d+)/.exec(second.notes[0] ?? "")?.[1] ?? "0")
    const gone = await runner.viewAs(6).call({
      to: tempoAddresses.stablecoinDex,
      data: stablecoinDexInterface.encodeFunctionData("getOrder", [orderId]),
    })
    expect(gone.isErr()).toBe(true) // OrderDoesNotExist
  })
})
