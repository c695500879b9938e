// The run's memory of live contracts in findOrDeployContract: the caching rule alone, with a
// scripted node answering eth_getCode (the chain side is covered by testing/tasks/taskRunner.test.ts).
import { describe, expect, it } from "vitest"
import { Ok } from "../../result.js"
import { createRandom } from "../random.js"
import { findOrDeployContract } from "./deployContract.js"

function contextFor(runId: string, address: string, code: string) {
  const getCodeCalls: string[] = []
  const context = {
    runId,
    chainId: 31_337,
    task: { name: "find", category: "test" },
    signal: new AbortController().signal,
    random: createRandom(1),
    database: {
      contractsByKind: async () =>
        Ok([
          { kind: "counter", address, transactionHash: "0x01", wallet: "0x02", createdAt: 0, runId: "old" },
        ]),
    },
    rpc: {
      request: async (method: string, params: unknown[]) => {
        if (method === "eth_getCode") getCodeCalls.push(String(params[0]))
        return Ok(code)
      },
    },
    send: async () => {
      throw new Error("no deploy expected")
    },
    waitForReceipt: async () => {
      throw new Error("no deploy expected")
    },
    recordContract: () => {},
  } as unknown as Parameters<typeof findOrDeployContract>[0]
  return { context, getCodeCalls }
}

const request = { kind: "counter", initCode: "0x00", gasLimit: 100_000n }

describe("findOrDeployContract", () => {
  it("checks a recorded contract's code once per run, not once per task", async () => {
    const address = "0x00000000000000000000000000000000000000C0"
    const first = contextFor("run-a", address, "0x6001")
    for (let task = 0; task < 3; task += 1)
      expect((await findOrDeployContract(first.context, request)).unwrap().address).toBe(address)
    expect(first.getCodeCalls).toEqual([address])
    // Another run (e.g. a devnet restarted under the same database) checks again.
    const second = contextFor("run-b", address, "0x6001")
    await findOrDeployContract(second.context, request)
    expect(second.getCodeCalls).toEqual([address])
  })

  it("never remembers a contract whose code is gone", async () => {
    const address = "0x00000000000000000000000000000000000000C1"
    const { context, getCodeCalls } = contextFor("run-c", address, "0x")
    await expect(findOrDeployContract(context, request)).rejects.toThrow("no deploy expected")
    await expect(findOrDeployContract(context, request)).rejects.toThrow("no deploy expected")
    expect(getCodeCalls).toEqual([address, address])
  })
})
