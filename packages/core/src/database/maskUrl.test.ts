import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isPostgresUrl, maskDatabaseUrl } from "./maskUrl.js"
import { sanitizeConfig } from "./sanitizeConfig.js"

describe("maskDatabaseUrl", () => {
  it("masks the password of postgres URLs and leaves paths alone", () => {
    expect(maskDatabaseUrl("postgres://bob:hunter2@db:5432/x")).toBe("postgres://bob:***@db:5432/x")
    expect(maskDatabaseUrl("postgresql://bob:p@ss/w:rd@db/x?sslmode=require")).toBe(
      "postgresql://bob:***@db/x?sslmode=require",
    )
    expect(maskDatabaseUrl("postgres://db/x?user=bob&password=hunter2")).toBe(
      "postgres://db/x?user=bob&password=***",
    )
    expect(maskDatabaseUrl("postgres://bob@db/x")).toBe("postgres://bob@db/x")
    expect(maskDatabaseUrl("./data/user:pass@host.db")).toBe("./data/user:pass@host.db")
    expect(isPostgresUrl("POSTGRESQL://x")).toBe(true)
    expect(isPostgresUrl(":memory:")).toBe(false)
  })

  it("never shows the password, whatever it contains", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }).filter((text) => !/\s/.test(text)),
        (suffix) => {
          // The prefix makes the password unique in the URL, so "not included" is meaningful.
          const password = `Zq9${suffix}`
          const masked = maskDatabaseUrl(`postgres://user:${password}@127.0.0.1:5432/db`)
          return !masked.includes(password) && masked.endsWith("@127.0.0.1:5432/db")
        },
      ),
    )
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
      database: "postgres://u:***@h/db",
      gas: { maxFeePerGas: "10" },
      targetTps: 5,
    })
  })
})
