import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("devnet barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "DevnetBinaryNotFoundError",
        "DevnetFailedToStartError",
        "DevnetNotReadyError",
        "DevnetPortInUseError",
        "anvilDefaultMnemonic",
        "buildAnvilArguments",
        "findFreePort",
        "getDevAccounts",
        "getRunningDevnetPids",
        "resolveAnvilBinary",
        "resolveDevnetOptions",
        "startDevnet",
        "stopAllDevnets",
      ]
    `)
  })
})
