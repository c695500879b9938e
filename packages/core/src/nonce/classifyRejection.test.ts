import { describe, expect, it } from "vitest"
import { classifyRejection } from "./classifyRejection.js"

describe("classifyRejection", () => {
  it("releases only on a proven refusal; anything unknown keeps the nonce held", () => {
    expect(classifyRejection({ code: "RPC_NONCE_TOO_LOW" })).toBe("resync")
    expect(classifyRejection({ code: "RPC_REPLACEMENT_UNDERPRICED" })).toBe("resync")
    expect(classifyRejection({ code: "RPC_ALREADY_KNOWN" })).toBe("submitted")
    expect(classifyRejection({ code: "RPC_NONCE_TOO_HIGH" })).toBe("released")
    expect(classifyRejection({ code: "RPC_INSUFFICIENT_FUNDS" })).toBe("released")
    expect(classifyRejection({ code: "RPC_TIMEOUT" })).toBe("submitted")
    expect(
      classifyRejection({ code: "RPC_NODE_ERROR", nodeCode: -32603, nodeMessage: "internal error" }),
    ).toBe("submitted")
    expect(classifyRejection({ code: -32000 })).toBe("submitted")
    expect(classifyRejection({ code: "toString" })).toBe("submitted")
    expect(classifyRejection(undefined)).toBe("submitted")
    expect(classifyRejection("nonce too low")).toBe("submitted")
  })

  it("looks through cause chains, up to 8 levels", () => {
    const wrap = (cause: unknown, levels: number): unknown =>
      levels === 0 ? cause : wrap({ code: "TASK_FAILED", cause }, levels - 1)
    expect(classifyRejection(wrap({ code: "RPC_INSUFFICIENT_FUNDS" }, 7))).toBe("released")
    expect(classifyRejection(wrap({ code: "RPC_INSUFFICIENT_FUNDS" }, 8))).toBe("submitted")
  })
})
