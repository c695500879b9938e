import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { findTaskNameLiterals } from "@testnet/core/testing"
import { describe, expect, it } from "vitest"
import { risechain } from "./chain.js"

const sourceDirectory = fileURLToPath(new URL(".", import.meta.url))

describe("task names", () => {
  it("appear as string literals only in each task's name field (tasks read context.task)", () => {
    const files = readdirSync(sourceDirectory, { recursive: true, encoding: "utf8" }).filter(
      (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
    )
    expect(files.length).toBeGreaterThan(20)
    const sources = files.map((file) => ({ file, text: readFileSync(join(sourceDirectory, file), "utf8") }))
    expect(findTaskNameLiterals(sources, risechain.tasks)).toEqual([])
  })
})
