import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import type { CliIo } from "./io.js"

/**
 * What every command handler gets: the chain, the streams, and the program name (for hints).
 *
 * @example
 * context.io.stdout.write(`${context.chain.displayName}\n`)
 */
export type CliContext = {
  readonly chain: ChainDefinition
  readonly io: CliIo
  /** The bin's name as typed by the user, e.g. "tempo". */
  readonly programName: string
}

/**
 * What a command handler resolves to: an exit code, or an error to render.
 *
 * @example
 * const result: CommandResult = Ok(exitCodes.ok)
 */
export type CommandResult = Result<number, BaseError>

/**
 * Collects the outcome of the command commander dispatched (commander ignores return values).
 *
 * @example
 * const outcome = createOutcomeSlot()
 * command.action(outcome.wrap(async (options) => Ok(0)))
 */
export type OutcomeSlot = {
  wrap<A extends unknown[]>(
    handler: (...parameters: A) => Promise<CommandResult>,
  ): (...parameters: A) => Promise<void>
  readonly value: CommandResult | undefined
}

/**
 * Creates an {@link OutcomeSlot}.
 *
 * @example
 * const slot = createOutcomeSlot()
 */
export function createOutcomeSlot(): OutcomeSlot {
  let value: CommandResult | undefined
  return {
    wrap(handler) {
      return async (...parameters) => {
        value = await handler(...parameters)
      }
    },
    get value() {
      return value
    },
  }
}
