import type { TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectCleanRun, noteMatch } from "../../testing/expectations.js"
import { startRiseTaskRunner } from "../../testing/taskRunner.js"
import {
  accessListTransaction,
  calldataHeavy,
  deployAndDestruct,
  eip1559Transaction,
  eip7702Delegation,
  factoryCreate2Deploy,
  factoryDeploy,
  legacyTransaction,
  syncSend,
} from "./index.js"

describe("advanced tasks on the embedded RISE devnet", () => {
  let runner: TaskRunner
  const typeOf = async (hash: string | undefined) =>
    Number((await runner.rpc<{ type: string }>("eth_getTransactionByHash", [hash])).type)
  beforeAll(async () => {
    runner = await startRiseTaskRunner(10)
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("eip7702_delegation leaves the delegation designator on the authority and increments through it", async () => {
    const run = await runner.run(eip7702Delegation)
    const outcome = run.result.unwrap()
    const [, authority, counter] =
      /^(0x[0-9a-fA-F]{40}) delegated to (0x[0-9a-fA-F]{40})$/.exec(outcome.notes[0] ?? "") ?? []
    const code = await runner.rpc<string>("eth_getCode", [authority, "latest"])
    expect(code.toLowerCase()).toBe(`0xef0100${counter?.slice(2).toLowerCase()}`)
    expect(await typeOf(outcome.transactions.at(-1)?.hash)).toBe(4)
    expectCleanRun(run, "eip7702_delegation")
  })

  it("factory_deploy creates a Counter from the Factory", async () => {
    const run = await runner.run(factoryDeploy)
    const address = noteMatch(run, /counter at (0x[0-9a-fA-F]{40})/)
    expect((await runner.rpc<string>("eth_getCode", [address, "latest"])).length).toBeGreaterThan(2)
    expectCleanRun(run, "factory_deploy")
  })

  it("factory_create2_deploy reuses the recorded Factory and lands at the predicted address", async () => {
    const run = await runner.run(factoryCreate2Deploy)
    expect(run.result.unwrap().transactions).toHaveLength(1)
    const address = noteMatch(run, /counter at (0x[0-9a-fA-F]{40})/)
    expect((await runner.rpc<string>("eth_getCode", [address, "latest"])).length).toBeGreaterThan(2)
    expectCleanRun(run, "factory_create2_deploy")
  })

  it("deploy_and_destruct leaves no code behind", async () => {
    const run = await runner.run(deployAndDestruct)
    const address = noteMatch(run, /^(0x[0-9a-fA-F]{40}) created and destroyed$/)
    expect(await runner.rpc<string>("eth_getCode", [address, "latest"])).toBe("0x")
    expectCleanRun(run, "deploy_and_destruct")
  })

  it("calldata_heavy carries 4–32 KiB of calldata", async () => {
    const run = await runner.run(calldataHeavy)
    const outcome = run.result.unwrap()
    const length = Number(noteMatch(run, /^(\d+) bytes/))
    expect(length % 1024).toBe(0)
    const transaction = await runner.rpc<{ input: string }>("eth_getTransactionByHash", [
      outcome.transactions.at(-1)?.hash,
    ])
    expect((transaction.input.length - 2) / 2).toBeGreaterThan(length)
    expectCleanRun(run, "calldata_heavy")
  })

  it("access_list_transaction is included as type 1 with its access list", async () => {
    const run = await runner.run(accessListTransaction)
    const hash = run.result.unwrap().transactions.at(-1)?.hash
    const transaction = await runner.rpc<{ type: string; accessList: { address: string }[] }>(
      "eth_getTransactionByHash",
      [hash],
    )
    expect(Number(transaction.type)).toBe(1)
    expect(transaction.accessList).toHaveLength(1)
    expectCleanRun(run, "access_list_transaction")
  })

  it("legacy_transaction is included as type 0", async () => {
    const run = await runner.run(legacyTransaction)
    expect(await typeOf(run.result.unwrap().transactions[0]?.hash)).toBe(0)
    expectCleanRun(run, "legacy_transaction")
  })

  it("eip1559_transaction is included as type 2", async () => {
    const run = await runner.run(eip1559Transaction)
    expect(await typeOf(run.result.unwrap().transactions[0]?.hash)).toBe(2)
    expectCleanRun(run, "eip1559_transaction")
  })

  it("sync_send gets its receipt from eth_sendRawTransactionSync within about a block", async () => {
    const run = await runner.run(syncSend)
    const latency = Number(noteMatch(run, /^sync receipt in (\d+) ms/))
    const hash = noteMatch(run, /, (0x[0-9a-f]{64})\)$/)
    expect(latency).toBeGreaterThan(0)
    expect(latency).toBeLessThan(3_000)
    const receipt = await runner.rpc<{ status: string }>("eth_getTransactionReceipt", [hash])
    expect(receipt.status).toBe("0x1")
    expectCleanRun(run, "sync_send")
  })
})
