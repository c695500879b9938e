import { describe, expect, it } from "vitest"
import { maskUrl } from "./maskUrl.js"

describe("maskUrl", () => {
  it("masks credentials, key-like path segments and query values", () => {
    expect(maskUrl("https://user:hunter2@rpc.example.org/v3/0123456789abcdef0123456789?key=abc&x=1")).toBe(
      "https://***:***@rpc.example.org/v3/***?key=***&x=***",
    )
    expect(maskUrl("socks5://bob:pw@127.0.0.1:1080")).toBe("socks5://***:***@127.0.0.1:1080")
    expect(maskUrl("http://127.0.0.1:8545")).toBe("http://127.0.0.1:8545")
    expect(maskUrl("http://127.0.0.1:8545/")).toBe("http://127.0.0.1:8545/")
    expect(maskUrl("https://eth-mainnet.g.alchemy.com/v2/AbCdEf0123456789AbCdEf01")).toBe(
      "https://eth-mainnet.g.alchemy.com/v2/***",
    )
  })

  it("masks user info even in strings that are not URLs", () => {
    expect(maskUrl("not a url //alice:secret@host")).toBe("not a url //***@host")
  })
})
