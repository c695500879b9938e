import { describe, expect, it } from "vitest"
import { CliInvalidFlagError, CliNotImplementedError, CliUsageError } from "./cli.js"

describe("cli errors", () => {
  it("CliUsageError points at --help", () => {
    const error = new CliUsageError({
      message: "unknown option '--tsp'",
      hints: ["(Did you mean --tps?)"],
      command: "tempo start",
    })
    expect(error.code).toBe("CLI_USAGE")
    expect(error.message).toMatchInlineSnapshot(`
      "unknown option '--tsp'

      (Did you mean --tps?)
      Run \`tempo start --help\` for usage."
    `)
  })

  it("CliInvalidFlagError names the flag and the value", () => {
    const error = new CliInvalidFlagError({
      flag: "--shard",
      value: "5/4",
      reason: "INDEX must be between 1 and COUNT",
      hints: ["Example: --shard 1/4"],
    })
    expect(error.flag).toBe("--shard")
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid --shard "5/4": INDEX must be between 1 and COUNT.

      Example: --shard 1/4"
    `)
  })

  it("CliNotImplementedError says so honestly", () => {
    expect(
      new CliNotImplementedError({ command: "report", hint: "Query the database with `db stats` meanwhile." })
        .message,
    ).toMatchInlineSnapshot(`
      "\`report\` is not implemented yet.

      Query the database with \`db stats\` meanwhile."
    `)
  })
})
