import {
  Err,
  Ok,
  type SendRequest,
  type SentTransaction,
  TaskFailedError,
  type TransactionReceipt,
} from "@testnet/core"
import { describe, expect, it } from "vitest"
import { confirmAll, sendPending, sentOf } from "./pendingSend.js"

// A fake pipeline: sends resolve in the order they were started, receipts after a release; the
// hash names the nonce, so the test can see the order of nonces.
function fakeContext(reverted: ReadonlySet<bigint> = new Set()) {
  let nonce = 0n
  const started: bigint[] = []
  const waited: string[] = []
  let release: () => void = () => {}
  const mined = new Promise<void>((resolve) => {
    release = resolve
  })
  const context = {
    async send(_request: SendRequest) {
      const own = nonce++
      started.push(own)
      const sent: SentTransaction = {
        hash: `0x${own.toString(16).padStart(64, "0")}`,
        from: "0x0000000000000000000000000000000000000001",
        to: null,
        nonce: own,
        nonceKey: 0n,
        sentAt: 0,
      }
      return Ok(sent)
    },
    async waitForReceipt(hash: string) {
      waited.push(hash)
      await mined
      const own = BigInt(hash)
      if (reverted.has(own))
        return Err(new TaskFailedError({ task: "fake", reason: `${own} reverted`, cause: undefined }))
      const receipt: TransactionReceipt = {
        hash,
        blockNumber: 1n,
        blockTimestamp: 0,
        status: "success",
        gasUsed: 0n,
        effectiveGasPrice: 0n,
        contractAddress: null,
        from: "0x0000000000000000000000000000000000000001",
        to: null,
        logs: [],
      }
      return Ok(receipt)
    },
  }
  return { context, started, waited, release }
}

describe("sendPending and confirmAll", () => {
  it("start every send before waiting for any receipt, and give the steps back in order", async () => {
    const fake = fakeContext()
    const request: SendRequest = { to: null, gasLimit: 21_000n }
    const steps = [sendPending(fake.context, request), undefined, sendPending(fake.context, request)] as const
    expect(fake.started).toEqual([0n, 1n])
    expect(fake.waited).toEqual([])
    const confirming = confirmAll(steps)
    fake.release()
    const confirmed = (await confirming).unwrap()
    expect(confirmed[1]).toBeUndefined()
    expect(sentOf(confirmed).map((sent) => sent.nonce)).toEqual([0n, 1n])
  })

  it("report the first failed step in order, and run a step's check only on its success", async () => {
    const fake = fakeContext(new Set([0n, 1n]))
    const request: SendRequest = { to: null, gasLimit: 21_000n }
    let checked = 0
    const check = () => {
      checked += 1
      return Ok(undefined)
    }
    const steps = [
      sendPending(fake.context, request, check),
      sendPending(fake.context, request, check),
      sendPending(fake.context, request, check),
    ] as const
    fake.release()
    const confirmed = await confirmAll(steps)
    expect(confirmed.isErr() && confirmed.error.message).toMatch(/0 reverted/)
    expect(checked).toBe(1)
    // Waited for once: asking again gives the same answer without a second wait.
    await steps[2].confirmed()
    expect(fake.waited).toHaveLength(3)
  })
})
