import { openDatabase, startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { sentBeforeEarlierMined } from "../../testing/backToBack.js"
import { readBalance } from "../shared/reads.js"
import {
  checkFeeTokenBalances,
  create2Deploy,
  deployCounter,
  emitEvents,
  incrementCounter,
  revertingCall,
  storageWrite,
  tip20ApproveTransferFrom,
  tip20TransferRandom,
  tip20TransferSelf,
  tip20TransferWithMemo,
} from "./index.js"

// One devnet (anvil --network tempo --hardfork T4) and one SQLite file for the whole file; each
// task runs through the runner's single-task path (runLoad, count 1) with a fresh wallet funded
// up front by the chain's TIP-20 funding hook.
describe("core tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 11 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("check_fee_token_balances reads the funded balances", async () => {
    const outcome = (await runner.runClean(checkFeeTokenBalances)).unwrap()
    expect(outcome.transactions).toHaveLength(0)
    expect(outcome.notes).toContain("pathUSD=2000000") // the hook's minimum balance
  })

  it("tip20_transfer_self moves nothing but the fee", async () => {
    const outcome = (await runner.runClean(tip20TransferSelf)).unwrap()
    expect(outcome.transactions).toHaveLength(1)
  })

  it("tip20_transfer_random pays a fresh address", async () => {
    const outcome = (await runner.runClean(tip20TransferRandom)).unwrap()
    const [amount, , , recipient] = (outcome.notes[0] ?? "").split(" ")
    const token = (outcome.notes[0] ?? "").includes("AlphaUSD")
      ? tempoAddresses.alphaUsd
      : (outcome.notes[0] ?? "").includes("BetaUSD")
        ? tempoAddresses.betaUsd
        : tempoAddresses.pathUsd
    const balance = (await readBalance(runner.viewAs(0), token, recipient ?? "")).unwrap()
    expect(balance).toBe(BigInt(amount ?? "-1"))
  })

  it("tip20_transfer_with_memo logs the memo", async () => {
    const outcome = (await runner.runClean(tip20TransferWithMemo)).unwrap()
    expect(outcome.notes[0]).toMatch(/^memo=0x[0-9a-f]{64}$/)
  })

  it("tip20_approve_transfer_from spends the allowance", async () => {
    const outcome = (await runner.runClean(tip20ApproveTransferFrom)).unwrap()
    // A new wallet: both sends start before the lane's first nonce fetch returns, and still get
    // the nonces in the order they were started (approve first, or the transferFrom would revert).
    expect(outcome.transactions.map((transaction) => transaction.nonce)).toEqual([0n, 1n])
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true])
  })

  it("deploy_counter deploys and records a counter; increment_counter finds and increments it", async () => {
    const deployed = (await runner.runClean(deployCounter)).unwrap()
    expect(deployed.transactions).toHaveLength(1)
    const database = (await openDatabase({ url: runner.databasePath })).unwrap()
    const counters = (
      await database.queries.contractsByKind({ kind: "counter", chainId: runner.devnet.chainId })
    ).unwrap()
    await database.close()
    expect(counters).toHaveLength(1)
    const incremented = (await runner.runClean(incrementCounter)).unwrap()
    // Reused the recorded counter (no deploy of its own).
    expect(incremented.transactions).toHaveLength(1)
    expect(incremented.notes[0]).toBe(`counter ${counters[0]?.address} → 1`)
  })

  it("create2_deploy puts a counter at the predicted address", async () => {
    const outcome = (await runner.runClean(create2Deploy)).unwrap()
    const address = /counter at (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "")?.[1] ?? ""
    const code = await runner.rpc<string>("eth_getCode", [address, "latest"])
    expect(code.length).toBeGreaterThan(2)
  })

  it("storage_write deploys a writer first, then writes", async () => {
    const outcome = (await runner.runClean(storageWrite)).unwrap()
    expect(outcome.transactions).toHaveLength(2)
  })

  it("emit_events counts its events", async () => {
    const outcome = (await runner.runClean(emitEvents)).unwrap()
    expect(outcome.notes[0]).toMatch(/^[1-5] events$/)
  })

  it("reverting_call is mined with status 0 and reported as an expected failure", async () => {
    const outcome = (await runner.runClean(revertingCall)).unwrap()
    expect(revertingCall.expectedFailure).toBe(true)
    expect(outcome.expectedFailure).toBe(true)
    const [, reverted] = outcome.transactions
    const receipt = await runner.rpc<{ status: string }>("eth_getTransactionReceipt", [reverted?.hash])
    expect(receipt.status).toBe("0x0")
  })
})
