import { describe, expect, expectTypeOf, it } from "vitest"
import { Ok } from "../result.js"
import type { TaskContext } from "./context.js"
import { defineChain, getDevnetOptions } from "./defineChain.js"
import { defineTask, type TaskDefinition } from "./defineTask.js"
import { createTaskOutcome } from "./outcome.js"

describe("defineTask / defineChain", () => {
  const transfer = defineTask({
    name: "transfer",
    category: "native",
    weight: 5,
    description: "Sends value.",
    parameters: { amount: 1n },
    async run(context: TaskContext, parameters) {
      const sent = await context.send({ to: context.address, value: parameters.amount, gasLimit: 21_000n })
      return sent.map((transaction) => createTaskOutcome({ transactions: [transaction] }))
    },
  })

  it("fills defaults and freezes", () => {
    expect(transfer.expectedFailure).toBe(false)
    expect(transfer.requires).toEqual([])
    expect(transfer.parameters).toEqual({ amount: 1n })
    expect(Object.isFrozen(transfer)).toBe(true)
    expectTypeOf(transfer).toMatchTypeOf<TaskDefinition>()
  })

  it("rejects bad names and weights", () => {
    const run = async () => Ok(createTaskOutcome())
    expect(() => defineTask({ name: "Bad-Name", category: "x", weight: 1, description: "", run })).toThrow(
      /snake_case/,
    )
    expect(() => defineTask({ name: "ok", category: "x", weight: -1, description: "", run })).toThrow(
      /weight -1/,
    )
    expect(() =>
      defineTask({ name: "ok", category: "x", weight: 1, description: "", timeoutMs: 0, run }),
    ).toThrow(/timeoutMs/)
  })

  it("defines a chain with typed tasks and derives devnet options", () => {
    const chain = defineChain({
      name: "tempo",
      chainId: 42431,
      nativeCurrency: { name: "USD", symbol: "USD", decimals: 6 },
      capabilities: { eip1559: true, nativeValueTransfers: false, keyedNonces: true },
      devnet: { network: "tempo", hardfork: "T4", extraArguments: ["--disable-pool-balance-checks"] },
      tasks: [transfer],
      version: "1.2.3",
    })
    expect(chain.displayName).toBe("tempo")
    expect(chain.tasks.map((task) => task.name)).toEqual(["transfer"])
    expect(Object.isFrozen(chain.capabilities)).toBe(true)
    expect(getDevnetOptions(chain, { blockTimeSeconds: 0.5 })).toEqual({
      chainId: 42431,
      network: "tempo",
      hardfork: "T4",
      extraArguments: ["--disable-pool-balance-checks"],
      blockTimeSeconds: 0.5,
    })
    expect(() =>
      defineChain({ ...chain, chainId: 0, tasks: [], fund: undefined, explorerUrl: "x" } as never),
    ).toThrow(/chainId 0/)
  })

  it("fills the fee policy and in-flight limit from the declaration or the EVM defaults", () => {
    const base = {
      name: "x",
      chainId: 1,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      capabilities: { eip1559: true, nativeValueTransfers: true },
      devnet: {},
      tasks: [],
    }
    const generic = defineChain(base)
    expect(generic.feePolicy).toEqual({
      maxFee: { kind: "headroom", multiplier: 2 },
      replacementMinimumPercent: 10,
    })
    expect(generic.maxInFlightPerSender).toBe(16)
    const capped = defineChain({
      ...base,
      feePolicy: {
        maxFee: { kind: "ceiling", maxFeePerGas: 12_000_000_000n },
        replacementMinimumPercent: 12,
      },
      maxInFlightPerSender: 4,
    })
    expect(capped.feePolicy.maxFee).toEqual({ kind: "ceiling", maxFeePerGas: 12_000_000_000n })
    expect(capped.feePolicy.replacementMinimumPercent).toBe(12)
    expect(capped.maxInFlightPerSender).toBe(4)
    expect(() => defineChain({ ...base, maxInFlightPerSender: 0 })).toThrow(/maxInFlightPerSender 0/)
  })

  it("builds outcomes with empty defaults", () => {
    expect(createTaskOutcome({ notes: ["n"] })).toEqual({
      transactions: [],
      createdContracts: [],
      createdAssets: [],
      expectedFailure: false,
      notes: ["n"],
    })
  })
})
