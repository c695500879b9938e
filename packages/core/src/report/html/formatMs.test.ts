import { describe, expect, it } from "vitest"
import { formatMs, formatMsUnit } from "./format.js"

describe("formatMs", () => {
  it("switches to seconds from 10 s, and lets two values share one unit", () => {
    expect(formatMs(812)).toBe("812 ms")
    expect(formatMs(23_800)).toBe("23.8 s")
    expect(formatMs(9_681, formatMsUnit(23_800))).toBe("9.7 s")
    expect(formatMs(null)).toBe("–")
  })
})
