import { createInterface } from "node:readline"
import { Writable } from "node:stream"
import { WalletPasswordRequiredError, type WalletPasswordRequiredErrorType } from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"

/**
 * The environment variable holding the keystore password.
 *
 * @example
 * const password = process.env[passwordVariable] // TESTNET_WALLET_PASSWORD
 */
export const passwordVariable = "TESTNET_WALLET_PASSWORD"

/**
 * Options of {@link readPassword}.
 *
 * @example
 * const options: ReadPasswordOptions = { prompt: "Password for ./keystores: " }
 */
export type ReadPasswordOptions = {
  /** Defaults to `process.env`. */
  environment?: Readonly<Record<string, string | undefined>> | undefined
  /** Where the prompt reads; it must be a TTY. Defaults to `process.stdin`. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean | undefined }
  /** Where the prompt is written (typed characters are not echoed). Defaults to `process.stderr`. */
  output?: NodeJS.WritableStream
  /** Defaults to `Keystore password: `. */
  prompt?: string | undefined
}

/**
 * Gets the keystore password: from `TESTNET_WALLET_PASSWORD`, else by asking on the terminal
 * with echo off, else a `WalletPasswordRequiredError` saying how to provide it. There is
 * deliberately no command-line flag: arguments show in `ps` and in shell history.
 *
 * @example
 * const password = await readPassword()
 * if (password.isErr()) return password // "A keystore password is required: …"
 * await loadWallets(sources, { password: password.value })
 */
export async function readPassword(
  options: ReadPasswordOptions = {},
): Promise<Result<string, WalletPasswordRequiredErrorType>> {
  const environment = options.environment ?? process.env
  const fromEnvironment = environment[passwordVariable]
  if (fromEnvironment !== undefined && fromEnvironment !== "") return Ok(fromEnvironment)
  const input = options.input ?? process.stdin
  if (input.isTTY !== true) {
    return Err(
      new WalletPasswordRequiredError({
        reason: `${passwordVariable} is not set and there is no terminal to ask on`,
      }),
    )
  }
  return promptMuted(input, options.output ?? process.stderr, options.prompt ?? "Keystore password: ")
}

function promptMuted(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<Result<string, WalletPasswordRequiredErrorType>> {
  let muted = false
  // readline echoes what is typed to its output: this stream drops everything once muted.
  const mutableOutput = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) output.write(chunk, encoding)
      callback()
    },
  })
  const readline = createInterface({ input, output: mutableOutput, terminal: true, historySize: 0 })
  return new Promise((resolve) => {
    let settled = false
    const finish = (result: Result<string, WalletPasswordRequiredErrorType>) => {
      if (settled) return
      settled = true
      muted = false
      output.write("\n")
      readline.close()
      resolve(result)
    }
    readline.on("SIGINT", () =>
      finish(Err(new WalletPasswordRequiredError({ reason: "the prompt was cancelled" }))),
    )
    readline.on("close", () =>
      finish(
        Err(new WalletPasswordRequiredError({ reason: "the input ended before a password was entered" })),
      ),
    )
    readline.question(prompt, (answer) => {
      if (answer === "")
        finish(Err(new WalletPasswordRequiredError({ reason: "an empty password was entered" })))
      else finish(Ok(answer))
    })
    muted = true
  })
}
