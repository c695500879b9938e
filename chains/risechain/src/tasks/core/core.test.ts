import type { TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectCleanRun } from "../../testing/expectations.js"
import { startRiseTaskRunner } from "../../testing/taskRunner.js"
import {
  burnGas,
  checkBalance,
  create2Deploy,
  deployCounter,
  emitEvents,
  faucetClaim,
  incrementCounter,
  revertingCall,
  selfTransfer,
  storageWrite,
  transferToRandom,
} from "./index.js"

// One devnet (plain anvil, chain id 11155931, 1 s blocks) and one SQLite file for the whole file;
// each task runs through the runner's single-task path with a fresh pre-funded wallet.
describe("core tasks on the embedded RISE devnet", () => {
  let runner: TaskRunner
  beforeAll(async () => {
    runner = await startRiseTaskRunner(12)
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("check_balance reads the pre-funded balance without sending", async () => {
    const run = await runner.run(checkBalance)
    expect(run.result.unwrap().notes).toEqual(["balance=10.0 ETH nonce=0"])
    expect(run.report.summary.transactions.sent).toBe(0)
    expectCleanRun(run, "check_balance")
  })

  it("faucet_claim receives 0.01 ETH from the devnet faucet account", async () => {
    const run = await runner.run(faucetClaim)
    expect(run.result.unwrap().notes[0]).toMatch(/^claimed 10000000000000000 wei from 0x/)
    const [wallet] = run.report.wallets
    const balance = await runner.rpc<string>("eth_getBalance", [wallet, "latest"])
    expect(BigInt(balance)).toBe(10n * 10n ** 18n + 10n ** 16n)
    expectCleanRun(run, "faucet_claim")
  })

  it("self_transfer sends one transaction to itself", async () => {
    const run = await runner.run(selfTransfer)
    const [sent] = run.result.unwrap().transactions
    expect(sent?.to).toBe(sent?.from)
    expectCleanRun(run, "self_transfer")
  })

  it("transfer_to_random pays the random address the noted amount", async () => {
    const run = await runner.run(transferToRandom)
    const [amount, , , recipient] = (run.result.unwrap().notes[0] ?? "").split(" ")
    const balance = await runner.rpc<string>("eth_getBalance", [recipient, "latest"])
    expect(BigInt(balance)).toBe(BigInt(amount ?? "-1"))
    expectCleanRun(run, "transfer_to_random")
  })

  it("deploy_counter deploys and records a counter; increment_counter reuses it from the database", async () => {
    const deployed = await runner.run(deployCounter)
    const address = /counter at (0x[0-9a-fA-F]{40})/.exec(deployed.result.unwrap().notes[0] ?? "")?.[1]
    expectCleanRun(deployed, "deploy_counter")
    const incremented = await runner.run(incrementCounter)
    const outcome = incremented.result.unwrap()
    // A later run found the recorded counter (no deploy of its own).
    expect(outcome.transactions).toHaveLength(1)
    expect(outcome.notes).toEqual([`counter ${address} → 1`])
    expectCleanRun(incremented, "increment_counter")
  })

  it("create2_deploy puts a counter at the predicted address", async () => {
    const run = await runner.run(create2Deploy)
    const address = /counter at (0x[0-9a-fA-F]{40})/.exec(run.result.unwrap().notes[0] ?? "")?.[1]
    expect((await runner.rpc<string>("eth_getCode", [address, "latest"])).length).toBeGreaterThan(2)
    expectCleanRun(run, "create2_deploy")
  })

  it("storage_write deploys a writer first, then writes", async () => {
    const run = await runner.run(storageWrite)
    expect(run.result.unwrap().transactions).toHaveLength(2)
    expectCleanRun(run, "storage_write")
  })

  it("emit_events counts its events", async () => {
    const run = await runner.run(emitEvents)
    expect(run.result.unwrap().notes[0]).toMatch(/^[1-5] events$/)
    expectCleanRun(run, "emit_events")
  })

  it("burn_gas uses at least the requested gas", async () => {
    const run = await runner.run(burnGas)
    const burned = Number(/burned (\d+) gas/.exec(run.result.unwrap().notes[0] ?? "")?.[1])
    expect(burned).toBeGreaterThanOrEqual(50_000)
    expectCleanRun(run, "burn_gas")
  })

  it("reverting_call is mined with status 0 and reported as an expected failure", async () => {
    const run = await runner.run(revertingCall)
    const outcome = run.result.unwrap()
    expect(revertingCall.expectedFailure).toBe(true)
    expect(outcome.expectedFailure).toBe(true)
    const reverted = outcome.transactions.at(-1)
    const receipt = await runner.rpc<{ status: string }>("eth_getTransactionReceipt", [reverted?.hash])
    expect(receipt.status).toBe("0x0")
    expectCleanRun(run, "reverting_call")
  })
})
