import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import {
  encodeTip20BalanceOf,
  encodeTip20Transfer,
  encodeTransferWithMemo,
  tip20Interface,
} from "../../contracts/tip20.js"
import { classifyTempoLane, type LaneCandidate, packBlock, tempoGeneralGasLimit } from "./classify.js"
import { laneGeneralTransfer, lanePaymentTransfer } from "./index.js"

const recipient = "0x000000000000000000000000000000000000bEEF"
const transfer = { to: tempoAddresses.alphaUsd, input: encodeTip20Transfer(recipient, 5n) }

// TIP-1045 (tempo tips/tip-1045.md; `is_payment_v2` in crates/primitives/src/transaction/envelope.rs).
describe("payment-lane classification", () => {
  it("counts allow-listed TIP-20 calls without an access list as payments", () => {
    expect(classifyTempoLane({ calls: [transfer] })).toBe("payment")
    const memo = `0x${"11".repeat(32)}`
    expect(
      classifyTempoLane({
        calls: [transfer, { to: tempoAddresses.pathUsd, input: encodeTransferWithMemo(recipient, 1n, memo) }],
      }),
    ).toBe("payment")
  })

  it("demotes to general: an access list, an authorization, a non-payment call, trailing bytes, a non-TIP-20 target, no calls", () => {
    expect(
      classifyTempoLane({
        calls: [transfer],
        accessList: [{ address: tempoAddresses.alphaUsd, storageKeys: [] }],
      }),
    ).toBe("general")
    expect(classifyTempoLane({ calls: [transfer], authorizationCount: 1 })).toBe("general")
    const pause = { to: tempoAddresses.alphaUsd, input: tip20Interface.encodeFunctionData("pause") }
    expect(classifyTempoLane({ calls: [transfer, pause] })).toBe("general")
    expect(classifyTempoLane({ calls: [{ ...transfer, input: `${transfer.input}00` }] })).toBe("general")
    expect(classifyTempoLane({ calls: [{ ...transfer, to: tempoAddresses.stablecoinDex }] })).toBe("general")
    expect(classifyTempoLane({ calls: [] })).toBe("general")
  })

  it("is general for every transfer that carries a non-empty access list (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 128n }),
        fc.integer({ min: 1, max: 4 }),
        (amount, entries) => {
          const calls = [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(recipient, amount) }]
          const accessList = Array.from({ length: entries }, () => ({
            address: tempoAddresses.pathUsd,
            storageKeys: [],
          }))
          return (
            classifyTempoLane({ calls }) === "payment" &&
            classifyTempoLane({ calls, accessList }) === "general"
          )
        },
      ),
    )
  })
})

// TIP-1010: general transactions share at most 30M gas per block (crates/hardfork/src/constants.rs).
describe("the block builder's lane rule (simulated: anvil builds no lanes)", () => {
  const candidate = fc.record({
    lane: fc.constantFrom<"payment" | "general">("payment", "general"),
    gasLimit: fc.bigInt({ min: 21_000n, max: 5_000_000n }),
  })

  it("never lets general gas exceed the cap, and never defers a payment while the block has room", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 200 }), (queue) => {
        const blockGasLimit = 500_000_000n
        const { included, deferred } = packBlock(queue, { blockGasLimit })
        const general = included.filter((entry) => entry.lane === "general")
        const used = included.reduce((sum, entry) => sum + entry.gasLimit, 0n)
        expect(general.reduce((sum, entry) => sum + entry.gasLimit, 0n)).toBeLessThanOrEqual(
          tempoGeneralGasLimit,
        )
        expect(used).toBeLessThanOrEqual(blockGasLimit)
        expect(deferred.filter((entry) => entry.lane === "payment")).toEqual([]) // 200 × 5M < 500M
        expect(included.length + deferred.length).toBe(queue.length)
      }),
    )
  })

  it("defers the 34th general transfer of 900k gas in a block but none of 1000 payments", () => {
    const general: LaneCandidate[] = Array.from({ length: 40 }, () => ({
      lane: "general",
      gasLimit: 900_000n,
    }))
    const payments: LaneCandidate[] = Array.from({ length: 1000 }, () => ({
      lane: "payment",
      gasLimit: 300_000n,
    }))
    const { deferred } = packBlock([...general, ...payments], { blockGasLimit: 500_000_000n })
    expect(deferred).toHaveLength(40 - 33) // 33 × 0.9M = 29.7M ≤ 30M
    expect(deferred.every((entry) => entry.lane === "general")).toBe(true)
  })
})

describe("lane tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 2 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  // What the node mined, as the classifier reads it (anvil's 0x76 JSON: calls, accessList,
  // aaAuthorizationList; its eth_getRawTransactionByHash stops the node on 0x76 transactions).
  const minedTransaction = async (hash: string) => {
    const mined = await runner.rpc<{
      type: string
      calls: { to: string; input: string }[]
      accessList: { address: string; storageKeys: string[] }[]
      aaAuthorizationList: unknown[]
    }>("eth_getTransactionByHash", [hash])
    expect(mined.type).toBe("0x76")
    return {
      calls: mined.calls,
      accessList: mined.accessList,
      authorizationCount: mined.aaAuthorizationList.length,
    }
  }

  // The task checks its receipt's Transfer event; the test checks the recipient's balance on chain.
  const expectDelivered = async (note: string | undefined) => {
    const [, amount, label, recipient] = /: (\d+) (\w+) to (0x[0-9a-fA-F]{40})$/.exec(note ?? "") ?? []
    const token = {
      pathUSD: tempoAddresses.pathUsd,
      AlphaUSD: tempoAddresses.alphaUsd,
      BetaUSD: tempoAddresses.betaUsd,
    }[label as "pathUSD"]
    const balance = await runner.rpc<string>("eth_call", [
      { to: token, data: encodeTip20BalanceOf(recipient ?? "") },
      "latest",
    ])
    expect(BigInt(balance)).toBe(BigInt(amount ?? "-1"))
  }

  it("lane_payment_transfer mines a payment-shaped 0x76 transaction", async () => {
    const outcome = (await runner.runClean(lanePaymentTransfer, { walletIndex: 0 })).unwrap()
    expect(outcome.notes[0]).toMatch(/^payment lane: /)
    const fields = await minedTransaction(outcome.transactions[0]?.hash ?? "")
    expect(fields.accessList).toEqual([])
    expect(classifyTempoLane(fields)).toBe("payment")
    await expectDelivered(outcome.notes[0])
  })

  it("lane_general_transfer mines the transfer with its access list (general lane)", async () => {
    const outcome = (await runner.runClean(laneGeneralTransfer, { walletIndex: 1 })).unwrap()
    expect(outcome.notes[0]).toMatch(/^general lane: /)
    const fields = await minedTransaction(outcome.transactions[0]?.hash ?? "")
    expect(fields.accessList).toHaveLength(1)
    expect(classifyTempoLane(fields)).toBe("general")
    await expectDelivered(outcome.notes[0])
  })
})
