import { Ok } from "@testnet/core"
import { describe, expect, it } from "vitest"
import { onceTrue, rememberTrue } from "./runFacts.js"

describe("onceTrue", () => {
  it("reads until the first yes, then answers from memory for the rest of that run only", async () => {
    const answers = [false, true, false]
    let reads = 0
    const read = async () => Ok(answers[reads++] ?? false)
    const run = { runId: "run-1", chainId: 42_431 }
    expect((await onceTrue(run, "isTIP20:0xAB", read)).unwrap()).toBe(false)
    expect((await onceTrue(run, "isTIP20:0xab", read)).unwrap()).toBe(true)
    expect((await onceTrue(run, "isTIP20:0xAb", read)).unwrap()).toBe(true)
    expect(reads).toBe(2)
    // Another run asks the chain again (and gets the third answer).
    expect((await onceTrue({ runId: "run-2", chainId: 42_431 }, "isTIP20:0xab", read)).unwrap()).toBe(false)
    expect(reads).toBe(3)
  })

  it("answers a fact the run recorded itself without reading", async () => {
    const run = { runId: "run-3", chainId: 42_431 }
    rememberTrue(run, "issuer:0xtoken:0xwallet")
    const answer = await onceTrue(run, "issuer:0xtoken:0xwallet", async () => {
      throw new Error("read")
    })
    expect(answer.unwrap()).toBe(true)
  })
})
