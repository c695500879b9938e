import { openDatabase, type TaskRunner } from "@testnet/core/testing"
import { Interface } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { riseAddresses } from "../../contracts/addresses.js"
import { expectCleanRun } from "../../testing/expectations.js"
import { startRiseTaskRunner } from "../../testing/taskRunner.js"
import { factoryBatchDeploy, multicallAggregate, multiSendNative, multiSendToken } from "./index.js"

const counter = new Interface(["function number() view returns (uint256)"])

describe("batch tasks on the embedded RISE devnet", () => {
  let runner: TaskRunner
  beforeAll(async () => {
    runner = await startRiseTaskRunner(4)
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("multicall_aggregate falls back to MultiSend where anvil has no Multicall3", async () => {
    expect(await runner.rpc<string>("eth_getCode", [riseAddresses.multicall3, "latest"])).toBe("0x")
    const run = await runner.run(multicallAggregate)
    const outcome = run.result.unwrap()
    expect(outcome.notes).toEqual(["Multicall3 absent: batched 3 transfers through MultiSend"])
    // The MultiSend deploy, then one transaction for the whole batch.
    expect(outcome.transactions).toHaveLength(2)
    expectCleanRun(run, "multicall_aggregate")
  })

  it("multi_send_native pays every recipient in one transaction (reusing the recorded MultiSend)", async () => {
    const run = await runner.run(multiSendNative)
    const outcome = run.result.unwrap()
    expect(outcome.transactions).toHaveLength(1)
    expect(outcome.notes[0]).toMatch(/^\d+ wei to (\d+) recipients$/)
    expectCleanRun(run, "multi_send_native")
  })

  it("multi_send_token approves and sends a meme token to every recipient", async () => {
    const run = await runner.run(multiSendToken)
    const outcome = run.result.unwrap()
    // Token creation, approve, multiSendToken (MultiSend itself was recorded by the first test).
    expect(outcome.transactions).toHaveLength(3)
    expectCleanRun(run, "multi_send_token")
  })

  it("factory_batch_deploy records every Counter the factory deployed", async () => {
    const run = await runner.run(factoryBatchDeploy)
    const count = Number(/^(\d+) counters/.exec(run.result.unwrap().notes[0] ?? "")?.[1])
    expect(count).toBeGreaterThanOrEqual(2)
    expect(run.report.summary.transactions.included).toBe(2)
    const recorded = await countersRecorded(runner, run.report.runId)
    expect(recorded).toHaveLength(count)
    for (const address of recorded) {
      const number = await runner.rpc<string>("eth_call", [
        { to: address, data: counter.encodeFunctionData("number") },
        "latest",
      ])
      expect(BigInt(number)).toBe(0n)
    }
    expectCleanRun(run, "factory_batch_deploy")
  })
})

/** Counter addresses `runId` recorded in the file's database (read through core's query API). */
async function countersRecorded(runner: TaskRunner, runId: string): Promise<string[]> {
  const database = (await openDatabase({ url: runner.databasePath })).unwrap()
  try {
    const rows = (await database.queries.contractsByKind({ kind: "counter", chainId: 11155931 })).unwrap()
    return rows.filter((row) => row.runId === runId).map((row) => row.address)
  } finally {
    await database.close()
  }
}
