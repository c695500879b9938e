import { describe, expect, it } from "vitest"
import { findKeyLine } from "./locate.js"

const source = `# testnet config
target_tps = 5 # inline comment
rpc_urls = [
  "http://127.0.0.1:8545", # a = b inside a comment
  "http://127.0.0.1:8546",
]
description = """
fake_key = 1
"""
gas.base_fee_multiplier = 2

[task_weights]
"odd.name" = 1
'literal' = 2

[[wallets.sources]]
kind = "keystore"

[[wallets.sources]]
kind = "mnemonic"
count = 3

[wallets.sources.extra]
nested = true

[proxies]
urls = ["socks5://a:b@h:1"]
inline = { mode = "rotate" }
`

describe("findKeyLine", () => {
  it.each([
    [["target_tps"], 2],
    [["rpc_urls"], 3],
    [["rpc_urls", 1], 3],
    [["gas", "base_fee_multiplier"], 10],
    [["gas"], 10],
    [["task_weights"], 12],
    [["task_weights", "odd.name"], 13],
    [["task_weights", "literal"], 14],
    [["wallets", "sources", 0], 16],
    [["wallets", "sources", 0, "kind"], 17],
    [["wallets", "sources", 0, "path"], 16],
    [["wallets", "sources", 1, "count"], 21],
    [["wallets", "sources", 1, "extra", "nested"], 24],
    [["proxies", "urls", 0], 27],
    [["proxies", "inline", "mode"], 28],
  ] as const)("finds %j on line %i", (path, line) => {
    expect(findKeyLine(source, path)).toBe(line)
  })

  it("ignores keys inside multi-line strings and arrays, and unknown paths", () => {
    expect(findKeyLine(source, ["fake_key"])).toBeUndefined()
    expect(findKeyLine(source, ["nothing", "here"])).toBeUndefined()
    expect(findKeyLine("", ["target_tps"])).toBeUndefined()
  })
})
