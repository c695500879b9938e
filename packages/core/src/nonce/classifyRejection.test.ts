import { describe, expect, it } from "vitest"
import { classifyRejection } from "./classifyRejection.js"

describe("classifyRejection", () => {
  it("maps the RPC codes that keep the nonce, and releases everything else", () => {
    expect(classifyRejection({ code: "RPC_NONCE_TOO_LOW" })).toBe("resync")
    expect(classifyRejection({ code: "RPC_REPLACEMENT_UNDERPRICED" })).toBe("resync")
    expect(classifyRejection({ code: "RPC_ALREADY_KNOWN" })).toBe("submitted")
    expect(classifyRejection({ code: "RPC_NONCE_TOO_HIGH" })).toBe("released")
    expect(classifyRejection({ code: "RPC_TIMEOUT" })).toBe("released")
    expect(classifyRejection({ code: -32000 })).toBe("released")
    expect(classifyRejection({ code: "toString" })).toBe("released")
    expect(classifyRejection(undefined)).toBe("released")
    expect(classifyRejection("nonce too low")).toBe("released")
  })

  it("looks through cause chains, up to 8 levels", () => {
    const wrap = (cause: unknown, levels: number): unknown =>
      levels === 0 ? cause : wrap({ code: "TASK_FAILED", cause }, levels - 1)
    expect(classifyRejection(wrap({ code: "RPC_ALREADY_KNOWN" }, 7))).toBe("submitted")
    expect(classifyRejection(wrap({ code: "RPC_ALREADY_KNOWN" }, 8))).toBe("released")
  })
})
