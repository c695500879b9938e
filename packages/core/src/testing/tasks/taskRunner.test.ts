// The kit's chain-touching helpers, each inside a real task run on plain anvil through
// startTaskRunner (runLoad with a one-task catalog): deploy/find/hasCode/readValue/sendAndConfirm
// and waitForForeignReceipts, plus the runner's own guarantees (journal reconciled, nothing pending).
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defineTask } from "../../tasks/defineTask.js"
import { checkCleanRun } from "../../tasks/kit/checkCleanRun.js"
import { deployContract, findOrDeployContract } from "../../tasks/kit/deployContract.js"
import { hasCode } from "../../tasks/kit/hasCode.js"
import { readValue } from "../../tasks/kit/readValue.js"
import { sendAndConfirm } from "../../tasks/kit/sendAndConfirm.js"
import { sendExpectingRevert } from "../../tasks/kit/sendExpectingRevert.js"
import { succeeded } from "../../tasks/kit/succeeded.js"
import { taskFailure } from "../../tasks/kit/taskFailure.js"
import { waitForForeignReceipts } from "../../tasks/kit/waitForForeignReceipts.js"
import { testChain } from "../runner/testChain.js"
import { startTaskRunner, type TaskRun, type TaskRunner } from "./taskRunner.js"

// Runtime: MSTORE(0, 42); RETURN(0, 32) — any call answers uint256 42.
const answerInitCode = "0x600a600c600039600a6000f3602a60005260206000f3"
const gasLimit = 200_000n

const deployAnswer = defineTask({
  name: "deploy_answer",
  category: "kit",
  weight: 1,
  description: "Deploys the answer contract and reads it back.",
  async run(context) {
    const deployed = await deployContract(context, {
      kind: "answer",
      initCode: answerInitCode,
      gasLimit,
    })
    if (deployed.isErr()) return deployed
    const live = await hasCode(context, deployed.value.address)
    if (live.isErr()) return live
    const answer = await readValue<bigint>(context, deployed.value.address, "0x", "uint256")
    if (answer.isErr()) return answer
    return succeeded(
      [deployed.value.deployment],
      [deployed.value.address, `${live.value}`, `${answer.value}`],
    )
  },
})

const findAnswer = defineTask({
  name: "find_answer",
  category: "kit",
  weight: 1,
  description: "Finds the answer contract recorded by an earlier run.",
  async run(context) {
    const found = await findOrDeployContract(context, {
      kind: "answer",
      initCode: answerInitCode,
      gasLimit,
    })
    if (found.isErr()) return found
    return succeeded([found.value.deployment], [found.value.address])
  },
})

const confirmSelfTransfer = defineTask({
  name: "confirm_self_transfer",
  category: "kit",
  weight: 1,
  description: "Sends 1 wei to itself and waits for the receipt.",
  async run(context) {
    const done = await sendAndConfirm(context, { to: context.address, value: 1n, gasLimit: 21_000n })
    if (done.isErr()) return done
    return succeeded([done.value.sent], [done.value.receipt.hash])
  },
})

function expectCleanRun(run: TaskRun, task: string) {
  expect(checkCleanRun(run, task)).toEqual([])
}

describe("task kit on plain anvil through startTaskRunner", () => {
  let runner: TaskRunner
  beforeAll(async () => {
    runner = await startTaskRunner({ chain: testChain, wallets: 5 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("funds every wallet up front with the chain's hook (1 ETH on the devnet)", async () => {
    const run = await runner.run(confirmSelfTransfer)
    expect(run.report.summary.transactions.sent).toBe(1)
    const balance = BigInt(await runner.rpc<string>("eth_getBalance", [runner.walletAddress(0), "latest"]))
    // 1 ETH minus one 21k-gas fee (the 1 wei came back).
    expect(balance).toBeLessThan(10n ** 18n)
    expect(balance).toBeGreaterThan(10n ** 18n - 10n ** 16n)
    const [sent] = run.result.unwrap().transactions
    expect(run.result.unwrap().notes).toEqual([sent?.hash])
    expectCleanRun(run, "confirm_self_transfer")
  })

  it("deployContract records the contract; hasCode and readValue see it", async () => {
    const run = await runner.run(deployAnswer)
    const [address, live, answer] = run.result.unwrap().notes
    expect(run.result.unwrap().transactions).toHaveLength(1)
    expect([live, answer]).toEqual(["true", "42"])
    expect((await runner.rpc<string>("eth_getCode", [address, "latest"])).length).toBeGreaterThan(2)
    expect(BigInt((await runner.viewAs(1).call({ to: address ?? "", data: "0x" })).unwrap())).toBe(42n)
    expectCleanRun(run, "deploy_answer")
    // A later run finds it in the database and sends nothing.
    const found = await runner.run(findAnswer)
    expect(found.result.unwrap().notes).toEqual([address])
    expect(found.result.unwrap().transactions).toHaveLength(0)
    const recorded = (await runner.viewAs(1).database.contractsByKind({ kind: "answer" })).unwrap()
    expect(recorded.map((contract) => [contract.address, contract.wallet])).toEqual([
      [address, runner.walletAddress(1)],
    ])
    expectCleanRun(found, "find_answer")
  })

  it("waitForForeignReceipts returns mined receipts in order and fails on a revert or a timeout", async () => {
    const from = runner.devnet.accounts[1]?.address
    const first = await runner.rpc<string>("eth_sendTransaction", [{ from, to: from, value: "0x1" }])
    const second = await runner.rpc<string>("eth_sendTransaction", [{ from, to: from, value: "0x2" }])
    // Init code 0xfe (INVALID): mined with status 0.
    const reverted = await runner.rpc<string>("eth_sendTransaction", [{ from, data: "0xfe", gas: "0x30000" }])
    const unknown = `0x${"ab".repeat(32)}`
    const outcomes: string[] = []
    const waiting = defineTask({
      name: "wait_foreign",
      category: "kit",
      weight: 1,
      description: "Waits for transactions sent by a dev account.",
      async run(context) {
        const mined = await waitForForeignReceipts(context, [second, first], 20_000)
        outcomes.push(
          mined
            .unwrap()
            .map((receipt) => receipt.transactionHash)
            .join(","),
        )
        const failed = await waitForForeignReceipts(context, [reverted], 20_000)
        outcomes.push(failed.isErr() ? failed.error.message : "no error")
        const missing = await waitForForeignReceipts(context, [unknown], 300)
        outcomes.push(missing.isErr() ? missing.error.message : "no error")
        return succeeded([])
      },
    })
    const run = await runner.run(waiting)
    expectCleanRun(run, "wait_foreign")
    expect(outcomes[0]).toBe(`${second},${first}`)
    expect(outcomes[1]).toContain(`transaction ${reverted} failed`)
    expect(outcomes[2]).toContain("1 transactions not mined within 300 ms")
  })

  it("sendExpectingRevert succeeds on status 0 (also for a send already started) and fails when the call goes through", async () => {
    // Runtime: REVERT(0, 0).
    const reverterInitCode = "0x6005600c60003960056000f360006000fd"
    const notes: string[] = []
    const expectRevert = defineTask({
      name: "expect_revert",
      category: "kit",
      weight: 1,
      expectedFailure: true,
      description: "Deploys a reverter and calls it.",
      async run(context) {
        const through = await sendExpectingRevert(context, {
          to: context.address,
          value: 0n,
          gasLimit: 21_000n,
        })
        notes.push(through.isErr() ? through.error.name : "no error")
        const target = await deployContract(context, {
          kind: "reverter",
          initCode: reverterInitCode,
          gasLimit,
        })
        if (target.isErr()) return target
        // A send the task already started (as a step sent right behind another) is taken as is.
        const started = context.send({ to: target.value.address, data: "0x", gasLimit: 50_000n })
        return sendExpectingRevert(context, { accepted: started }, [target.value.deployment])
      },
    })
    const outcome = (await runner.runClean(expectRevert)).unwrap()
    expect(notes).toEqual(["TaskExpectedFailureDidNotFailError"])
    expect(outcome.expectedFailure).toBe(true)
    const [deployment, reverted] = outcome.transactions
    expect(outcome.notes).toEqual([`reverted as expected: ${reverted?.hash}`])
    expect(deployment?.to).toBeNull()
    const receipt = await runner.rpc<{ status: string }>("eth_getTransactionReceipt", [reverted?.hash])
    expect(receipt.status).toBe("0x0")
  })

  it("reuses a wallet by index and runs out of fresh wallets loudly", async () => {
    const again = await runner.run(confirmSelfTransfer, { walletIndex: 0 })
    expect(again.report.wallets).toEqual([runner.walletAddress(0)])
    const [sent] = again.result.unwrap().transactions
    expect(sent?.nonce).toBe(1n)
    await expect(runner.run(confirmSelfTransfer, { walletIndex: 9 })).rejects.toThrow(
      "out of pre-funded wallets",
    )
    const failing = defineTask({
      name: "always_fails",
      category: "kit",
      weight: 1,
      description: "Fails its own check.",
      run: async (context) => taskFailure(context, "the check did not hold"),
    })
    await expect(runner.runClean(failing, { walletIndex: 0 })).rejects.toThrow(
      "always_fails: always_fails ran 1 times with 0 successes",
    )
  })
})
