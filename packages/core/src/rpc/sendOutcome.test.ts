import { describe, expect, it } from "vitest"
import { RpcConnectionRefusedError, RpcHttpStatusError, RpcTimeoutError } from "../errors/rpc.js"
import { classifyRpcError } from "./classify.js"
import { classifySendOutcome, isRefusedSend } from "./sendOutcome.js"

const hash = `0x${"ab".repeat(32)}`
const context = { method: "eth_sendRawTransaction" }
const node = (code: number, message: string, data?: unknown) =>
  classifySendOutcome(classifyRpcError({ code, message, ...(data === undefined ? {} : { data }) }, context))

describe("classifySendOutcome", () => {
  it("frees nothing on an unknown outcome: internal errors, timeouts, resets, 5xx", () => {
    expect(node(-32603, "internal error").kind).toBe("unknown")
    expect(node(-32000, "something unexpected").kind).toBe("unknown")
    expect(classifySendOutcome(new RpcTimeoutError({ timeoutMs: 35_000 })).kind).toBe("unknown")
    expect(classifySendOutcome(new RpcConnectionRefusedError({ reason: "reset" })).kind).toBe("unknown")
    expect(classifySendOutcome(new RpcConnectionRefusedError({ reason: "proxy" })).kind).toBe("unknown")
    expect(classifySendOutcome(new RpcHttpStatusError({ status: 502 })).kind).toBe("unknown")
    expect(classifySendOutcome(new RpcHttpStatusError({ status: 408 })).kind).toBe("unknown")
    expect(classifySendOutcome(new Error("boom")).kind).toBe("unknown")
    expect(classifySendOutcome(undefined).kind).toBe("unknown")
  })

  it("reads EIP-7966 codes 4 and 5 as in the pool, with the hash from the error data", () => {
    expect(node(4, "transaction was added to the mempool but wasn't processed in time", hash)).toEqual({
      kind: "unknown",
      reason: "EIP-7966 timeout (in the pool)",
      hash,
    })
    expect(node(5, "not ready", { hash })).toMatchObject({ kind: "unknown", hash })
    expect(node(5, "not ready")).toEqual({ kind: "unknown", reason: "EIP-7966 not ready (in the pool)" })
  })

  it("refuses on the node's proof; nonce too low and replacement underpriced take the nonce", () => {
    expect(node(-32000, "nonce too low")).toMatchObject({ kind: "refused", nonce: "taken" })
    expect(node(-32000, "replacement transaction underpriced")).toMatchObject({
      kind: "refused",
      nonce: "taken",
    })
    expect(node(-32000, "already known")).toEqual({ kind: "accepted" })
    const free = [
      "insufficient funds for gas * price + value",
      "intrinsic gas too low",
      "nonce too high",
      "invalid sender",
      "max fee per gas less than block base fee",
      "transaction underpriced",
      "transaction type not supported",
      "exceeds block gas limit",
      "tx fee (1.00 ether) exceeds the configured cap (0.50 ether)",
      "oversized data",
      "txpool is full",
      "invalid chain id",
      "rlp: expected input list",
    ]
    for (const message of free)
      expect(node(-32000, message), message).toMatchObject({ kind: "refused", nonce: "free" })
    expect(node(-32602, "invalid params")).toMatchObject({ kind: "refused", nonce: "free" })
    expect(node(-32601, "Method not found")).toMatchObject({ kind: "refused", nonce: "free" })
    expect(classifySendOutcome(new RpcConnectionRefusedError({ reason: "refused" })).kind).toBe("refused")
    expect(classifySendOutcome(new RpcHttpStatusError({ status: 400 })).kind).toBe("refused")
    expect(node(-32005, "limit exceeded").kind).toBe("refused")
  })

  it("looks through cause chains", () => {
    const wrapped = {
      code: "TASK_FAILED",
      cause: classifyRpcError({ code: -32000, message: "nonce too low" }),
    }
    expect(isRefusedSend(wrapped)).toBe(true)
    expect(isRefusedSend({ code: "TASK_FAILED", cause: new RpcTimeoutError({}) })).toBe(false)
  })
})
