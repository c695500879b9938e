import { describe, expect, it } from "vitest"
import { isPostgresUrl } from "./maskUrl.js"
import { sanitizeConfig } from "./sanitizeConfig.js"

describe("isPostgresUrl", () => {
  it("knows PostgreSQL URLs from SQLite paths", () => {
    expect(isPostgresUrl("POSTGRESQL://x")).toBe(true)
    expect(isPostgresUrl(" postgres://bob@db/x")).toBe(true)
    expect(isPostgresUrl(":memory:")).toBe(false)
    expect(isPostgresUrl("./data/postgres://x.db")).toBe(false)
  })
})

describe("sanitizeConfig", () => {
  it("removes secrets, masks URLs and writes bigints as strings", () => {
    expect(
      sanitizeConfig({
        funder: { key: "0xabc", address: "0x1" },
        wallets: { sources: [{ kind: "mnemonic", phrase: "word word", count: 2 }] },
        password: "p",
        database: "postgres://u:secret@h/db",
        gas: { maxFeePerGas: 10n },
        targetTps: 5,
      }),
    ).toEqual({
      funder: { key: "[redacted]", address: "0x1" },
      wallets: { sources: [{ kind: "mnemonic", phrase: "[redacted]", count: 2 }] },
      password: "[redacted]",
      database: "postgres://***:***@h/db",
      gas: { maxFeePerGas: "10" },
      targetTps: 5,
    })
  })

  it("masks every URL, not only database URLs", () => {
    const infuraKey = "0123456789abcdef0123456789abcdef"
    const sanitized = JSON.stringify(
      sanitizeConfig({
        rpcUrls: [`https://mainnet.infura.io/v3/${infuraKey}`, "https://rpc.example.org/?apikey=K3y"],
        proxies: { urls: ["socks5://alice:Pr0xyPassw0rd@127.0.0.1:1080"] },
        note: `0x${"5eed".repeat(16)}`,
      }),
    )
    for (const secret of [infuraKey, "K3y", "Pr0xyPassw0rd", "5eed5eed"])
      expect(sanitized).not.toContain(secret)
  })
})
