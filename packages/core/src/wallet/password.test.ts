import { PassThrough } from "node:stream"
import { describe, expect, it } from "vitest"
import { readPassword } from "./password.js"

function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input })
  const output = new PassThrough()
  let written = ""
  output.on("data", (chunk: Buffer) => {
    written += chunk.toString("utf8")
  })
  return { input, output, written: () => written }
}

describe("readPassword", () => {
  it("prefers TESTNET_WALLET_PASSWORD", async () => {
    expect((await readPassword({ environment: { TESTNET_WALLET_PASSWORD: "from-env" } })).unwrap()).toBe(
      "from-env",
    )
  })

  it("explains how to provide a password when there is no terminal", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false })
    const result = await readPassword({ environment: {}, input })
    expect(result.unwrapErr().message).toMatchInlineSnapshot(`
      "A keystore password is required: TESTNET_WALLET_PASSWORD is not set and there is no terminal to ask on.

      Set TESTNET_WALLET_PASSWORD in the environment, or run the command on an interactive terminal to be prompted.
      Passwords are never read from command-line arguments (they would show in the process list and shell history)."
    `)
  })

  it("prompts on a terminal without echoing what is typed", async () => {
    const terminal = fakeTerminal()
    const pending = readPassword({
      environment: {},
      input: terminal.input,
      output: terminal.output,
      prompt: "Password: ",
    })
    terminal.input.write("typed-secret-1\r")
    expect((await pending).unwrap()).toBe("typed-secret-1")
    expect(terminal.written()).toContain("Password: ")
    expect(terminal.written()).not.toContain("typed-secret")
  })

  it("fails on an empty answer, on Ctrl+C and on end of input", async () => {
    const empty = fakeTerminal()
    const emptyPending = readPassword({ environment: {}, input: empty.input, output: empty.output })
    empty.input.write("\r")
    expect((await emptyPending).unwrapErr().message).toContain("an empty password was entered")

    const cancelled = fakeTerminal()
    const cancelledPending = readPassword({
      environment: {},
      input: cancelled.input,
      output: cancelled.output,
    })
    cancelled.input.write("abc\u0003")
    expect((await cancelledPending).unwrapErr().message).toContain("the prompt was cancelled")
    expect(cancelled.written()).not.toContain("abc")

    const ended = fakeTerminal()
    const endedPending = readPassword({ environment: {}, input: ended.input, output: ended.output })
    ended.input.end()
    expect((await endedPending).unwrapErr().message).toContain("the input ended")
  })
})
