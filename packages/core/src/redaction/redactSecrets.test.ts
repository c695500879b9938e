import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { redactSecrets } from "./redactSecrets.js"

const hexKey = `0x${"ab12".repeat(16)}`

describe("redactSecrets", () => {
  it("redacts hex secrets with or without 0x, in any case", () => {
    const text = `a=${hexKey} b=${hexKey.slice(2).toUpperCase()} c=0X${hexKey.slice(2)}`
    expect(redactSecrets(text, [hexKey])).toBe("a=[redacted] b=[redacted] c=[redacted]")
    expect(redactSecrets(text, [hexKey.slice(2).toUpperCase()])).toBe(
      "a=[redacted] b=[redacted] c=[redacted]",
    )
  })

  it("redacts passwords literally, including regular-expression characters", () => {
    expect(redactSecrets("pw is a.b*c(d) here", ["a.b*c(d)"])).toBe("pw is [redacted] here")
    expect(redactSecrets("aXbYc", ["a.b"])).toBe("aXbYc")
  })

  it("ignores empty and very short secrets, and leaves clean text unchanged", () => {
    expect(redactSecrets("the cat", ["", "a", "cat"])).toBe("the cat")
    expect(redactSecrets("nothing secret", [hexKey])).toBe("nothing secret")
  })

  it("property: no secret survives redaction, wherever it sits", () => {
    fc.assert(
      fc.property(
        fc.string(),
        // Upper case, so that the lower-case placeholder itself can never spell a secret.
        fc.stringMatching(/^[A-Z0-9]{4,16}$/),
        fc.string(),
        (before, secret, after) => {
          expect(redactSecrets(`${before}${secret}${after}${secret}`, [secret]).includes(secret)).toBe(false)
        },
      ),
    )
  })
})
