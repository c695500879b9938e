import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("proxy barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "ProxyAllBannedError",
        "ProxyAuthFailedError",
        "ProxyBannedError",
        "ProxyInvalidUrlError",
        "ProxyListFileError",
        "ProxyUnreachableError",
        "checkProxy",
        "createProxyDispatcher",
        "createProxyManager",
        "detectProxyFailure",
        "getDispatcherProxy",
        "labelDispatcher",
        "loadProxyList",
        "mapWithConcurrency",
        "observeDispatcher",
        "parseProxyList",
        "parseProxyUrl",
      ]
    `)
  })
})
