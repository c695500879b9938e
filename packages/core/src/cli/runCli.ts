import { CommanderError } from "commander"
import { CliUsageError } from "../errors/cli.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import { type CliContext, createOutcomeSlot } from "./context.js"
import { exitCodeFor, exitCodes } from "./exitCodes.js"
import type { CliIo, CliOutput } from "./io.js"
import { createProgram } from "./program.js"
import { renderError } from "./renderError.js"

/**
 * Options of {@link runCli}; all default to the real process.
 *
 * @example
 * const options: RunCliOptions = { argv: ["tasks", "--json"], exit: (code) => codes.push(code) }
 */
export type RunCliOptions = {
  /** Arguments after the program name. Default `process.argv.slice(2)`. */
  argv?: readonly string[]
  /** Called once with the exit code. Default `process.exit`. */
  exit?: (code: number) => void
  stdout?: CliOutput
  stderr?: CliOutput
  environment?: Readonly<Record<string, string | undefined>>
  /** Name shown in help and hints. Default: the chain's name. */
  programName?: string
}

/**
 * The whole CLI of a chain: parses the command line, runs the command, prints errors as one line
 * (`error: …`) plus hints, and exits with 0 (ok), 1 (runtime failure) or 2 (bad input).
 *
 * @example
 * // chains/tempo/src/bin.ts
 * import { runCli } from "@testnet/core"
 * import { tempo } from "./chain.js"
 * await runCli(tempo)
 */
export async function runCli(chain: ChainDefinition, options: RunCliOptions = {}): Promise<number> {
  const argv = options.argv ?? process.argv.slice(2)
  const io: CliIo = {
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    environment: options.environment ?? process.env,
  }
  const context: CliContext = { chain, io, programName: options.programName ?? chain.name }
  const verbose = argv.includes("--verbose") || argv.includes("-v")
  const slot = createOutcomeSlot()
  const program = createProgram(context, slot)

  let code: number
  try {
    await program.parseAsync([...argv], { from: "user" })
    const outcome = slot.value
    if (outcome === undefined) {
      code = exitCodes.ok
    } else if (outcome.isOk()) {
      code = outcome.value
    } else {
      io.stderr.write(renderError(outcome.error, { verbose }))
      code = exitCodeFor(outcome.error)
    }
  } catch (error) {
    const commandNames = new Set(program.commands.map((command) => command.name()))
    code = handleThrown(error, context, argv, verbose, commandNames)
  }
  ;(options.exit ?? ((exitCode: number) => process.exit(exitCode)))(code)
  return code
}

function handleThrown(
  error: unknown,
  context: CliContext,
  argv: readonly string[],
  verbose: boolean,
  commandNames: ReadonlySet<string>,
): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return exitCodes.ok
    // No command given: commander printed the help to stderr.
    if (error.code === "commander.help") return exitCodes.badInput
    const [first = error.message, ...rest] = error.message
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
    const subcommand = argv.find((argument) => !argument.startsWith("-"))
    const usage = new CliUsageError({
      message: first.replace(/^error:\s*/, ""),
      hints: rest,
      command:
        subcommand !== undefined && commandNames.has(subcommand)
          ? `${context.programName} ${subcommand}`
          : context.programName,
    })
    context.io.stderr.write(renderError(usage, { verbose }))
    return exitCodes.badInput
  }
  context.io.stderr.write(renderError(error, { verbose }))
  return exitCodeFor(error)
}
