import { fileURLToPath } from "node:url"
import { findTaskNameLiterals, readSourceFiles } from "@testnet/core/testing"
import { describe, expect, it } from "vitest"
import { risechain } from "./chain.js"

describe("task names", () => {
  it("appear as string literals only in each task's name field (tasks read context.task)", () => {
    const sources = readSourceFiles(fileURLToPath(new URL(".", import.meta.url)))
    expect(sources.length).toBeGreaterThan(20)
    expect(findTaskNameLiterals(sources, risechain.tasks)).toEqual([])
  })
})
