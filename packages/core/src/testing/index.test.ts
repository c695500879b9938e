import { describe, expect, it } from "vitest"
import * as testing from "./index.js"

describe("testing barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
      [
        "SimulatedChain",
        "anvilAccounts",
        "anvilFirstAddress",
        "anvilMnemonic",
        "createFakeChain",
        "createMemoryRecorder",
        "createTaskHarness",
        "lightScrypt",
        "readSourceFiles",
        "startTaskRunner",
        "startTestPostgres",
        "temporaryDirectory",
        "testChain",
        "tinyCounterInitCode",
      ]
    `)
  })
})
