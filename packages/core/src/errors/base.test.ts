import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"

class ExampleError extends BaseError {
  override name = "ExampleError"
  constructor(cause?: unknown) {
    super("Example went wrong.", {
      code: "EXAMPLE",
      details: "the detail",
      metaMessages: ["Try again."],
      cause,
    })
  }
}

describe("BaseError", () => {
  it("renders short message, hints and details", () => {
    expect(new ExampleError().message).toMatchInlineSnapshot(`
      "Example went wrong.

      Try again.

      Details: the detail"
    `)
  })

  it("walks to the deepest cause, or to the first match", () => {
    const root = new Error("root")
    const middle = new ExampleError(root)
    const top = new ExampleError(middle)
    expect(top.walk()).toBe(root)
    expect(top.walk((error) => error === middle)).toBe(middle)
    expect(top.walk((error) => error === "nothing")).toBeUndefined()
  })

  it("is recognised through the global marker, not the prototype", () => {
    const error = new ExampleError()
    const foreign = Object.assign(Object.create(null), { [Symbol.for("@testnet/core/BaseError")]: true })
    expect(BaseError.isInstance(error)).toBe(true)
    expect(BaseError.isInstance(foreign)).toBe(true)
    expect(BaseError.isInstance(new Error("plain"))).toBe(false)
    expect(error.code).toBe("EXAMPLE")
  })

  it("serialises to JSON without the cause", () => {
    expect(JSON.parse(JSON.stringify(new ExampleError(new Error("secret-ish cause"))))).toEqual({
      name: "ExampleError",
      code: "EXAMPLE",
      message: "Example went wrong.",
      details: "the detail",
      hints: ["Try again."],
    })
  })
})
