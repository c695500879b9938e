import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { maskUrl } from "./maskUrl.js"

describe("maskUrl", () => {
  it("masks credentials, key-like path segments and query values", () => {
    expect(maskUrl("https://user:hunter2@rpc.example.org/v3/0123456789abcdef0123456789?key=abc&x=1")).toBe(
      "https://***:***@rpc.example.org/v3/***?key=***&x=***",
    )
    expect(maskUrl("socks5://bob:pw@127.0.0.1:1080")).toBe("socks5://***:***@127.0.0.1:1080")
    expect(maskUrl("http://apikey@127.0.0.1:8545")).toBe("http://***@127.0.0.1:8545")
    expect(maskUrl("http://127.0.0.1:8545")).toBe("http://127.0.0.1:8545")
    expect(maskUrl("http://127.0.0.1:8545/")).toBe("http://127.0.0.1:8545/")
    expect(maskUrl("https://eth-mainnet.g.alchemy.com/v2/AbCdEf0123456789AbCdEf01")).toBe(
      "https://eth-mainnet.g.alchemy.com/v2/***",
    )
  })

  it("masks database URLs and leaves file paths alone", () => {
    expect(maskUrl("postgres://bob:hunter2@db:5432/x")).toBe("postgres://***:***@db:5432/x")
    expect(maskUrl("postgresql://bob:p@ss/w:rd@db/x?sslmode=require")).toBe(
      "postgresql://***:***@db/x?sslmode=***",
    )
    expect(maskUrl("postgres://db/x?user=bob&password=hunter2")).toBe("postgres://db/x?user=***&password=***")
    expect(maskUrl("./data/user:pass@host.db")).toBe("./data/user:pass@host.db")
    expect(maskUrl(":memory:")).toBe(":memory:")
  })

  it("masks user info even in strings that are not URLs", () => {
    expect(maskUrl("not a url //alice:secret@host")).toBe("not a url //***:***@host")
  })

  it("property: never shows the password, whatever it contains", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("postgres", "https", "socks5"),
        fc.string({ maxLength: 20 }).filter((text) => !/\s/.test(text)),
        (scheme, suffix) => {
          // The prefix makes the password unique in the URL, so "not included" is meaningful.
          const password = `Zq9${suffix}`
          const masked = maskUrl(`${scheme}://user:${password}@127.0.0.1:5432/db`)
          return !masked.includes(password) && masked === `${scheme}://***:***@127.0.0.1:5432/db`
        },
      ),
    )
  })
})
