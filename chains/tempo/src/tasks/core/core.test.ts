import { createWallet, type Wallet } from "@testnet/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { createTaskHarness, type TaskHarness } from "../../testing/taskHarness.js"
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

// One devnet (anvil --network tempo --hardfork T4) and one funded wallet per task.
describe("core tasks on the embedded Tempo devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(11)
    const funded = await harness.fund(
      createTip20FundingHook({ sponsor: undefined }),
      funder,
      wallets,
      10n ** 6n,
    )
    expect(funded.unwrap().funded).toBe(11)
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("check_fee_token_balances reads the funded balances", async () => {
    const outcome = (await harness.run(checkFeeTokenBalances, wallet(0))).unwrap()
    expect(outcome.transactions).toHaveLength(0)
    expect(outcome.notes).toContain("pathUSD=2000000") // the hook's minimum balance
  })

  it("tip20_transfer_self moves nothing but the fee", async () => {
    const outcome = (await harness.run(tip20TransferSelf, wallet(1))).unwrap()
    expect(outcome.transactions).toHaveLength(1)
  })

  it("tip20_transfer_random pays a fresh address", async () => {
    const outcome = (await harness.run(tip20TransferRandom, wallet(2))).unwrap()
    const [amount, , , recipient] = (outcome.notes[0] ?? "").split(" ")
    const token = (outcome.notes[0] ?? "").includes("AlphaUSD")
      ? tempoAddresses.alphaUsd
      : (outcome.notes[0] ?? "").includes("BetaUSD")
        ? tempoAddresses.betaUsd
        : tempoAddresses.pathUsd
    const balance = (
      await readBalance(harness.contextFor(wallet(2), "check"), token, recipient ?? "")
    ).unwrap()
    expect(balance).toBe(BigInt(amount ?? "-1"))
  })

  it("tip20_transfer_with_memo logs the memo", async () => {
    const outcome = (await harness.run(tip20TransferWithMemo, wallet(3))).unwrap()
    expect(outcome.notes[0]).toMatch(/^memo=0x[0-9a-f]{64}$/)
  })

  it("tip20_approve_transfer_from spends the allowance", async () => {
    const outcome = (await harness.run(tip20ApproveTransferFrom, wallet(4))).unwrap()
    expect(outcome.transactions.map((transaction) => transaction.nonce)).toEqual([0n, 1n])
  })

  it("deploy_counter deploys and records a counter; increment_counter finds and increments it", async () => {
    const deployed = (await harness.run(deployCounter, wallet(5))).unwrap()
    expect(deployed.transactions).toHaveLength(1)
    const counters = (
      await harness.contextFor(wallet(6), "x").database.contractsByKind({ kind: "counter" })
    ).unwrap()
    expect(counters).toHaveLength(1)
    const incremented = (await harness.run(incrementCounter, wallet(6))).unwrap()
    // Reused the recorded counter (no deploy of its own).
    expect(incremented.transactions).toHaveLength(1)
    expect(incremented.notes[0]).toBe(`counter ${counters[0]?.address} → 1`)
  })

  it("create2_deploy puts a counter at the predicted address", async () => {
    const outcome = (await harness.run(create2Deploy, wallet(7))).unwrap()
    const address = /counter at (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "")?.[1] ?? ""
    const code = (await harness.rpc.request<string>("eth_getCode", [address, "latest"])).unwrap()
    expect(code.length).toBeGreaterThan(2)
  })

  it("storage_write deploys a writer first, then writes", async () => {
    const outcome = (await harness.run(storageWrite, wallet(8))).unwrap()
    expect(outcome.transactions).toHaveLength(2)
  })

  it("emit_events counts its events", async () => {
    const outcome = (await harness.run(emitEvents, wallet(9))).unwrap()
    expect(outcome.notes[0]).toMatch(/^[1-5] events$/)
  })

  it("reverting_call is mined with status 0 and reported as an expected failure", async () => {
    const outcome = (await harness.run(revertingCall, wallet(10))).unwrap()
    expect(revertingCall.expectedFailure).toBe(true)
    expect(outcome.expectedFailure).toBe(true)
    const [, reverted] = outcome.transactions
    const receipt = await harness.rpc.request<{ status: string }>("eth_getTransactionReceipt", [
      reverted?.hash,
    ])
    expect(receipt.unwrap().status).toBe("0x0")
  })
})
