import type { Config } from "../config/types.js"
import type { BaseError } from "../errors/base.js"
import { CliNotImplementedError } from "../errors/cli.js"
import { Err, type Result } from "../result.js"
import type { CliContext } from "./context.js"
import type { Shard } from "./flagParsers.js"

/**
 * What `start`, `run` and `sequence` ask for.
 *
 * @example
 * const request: LoadRequest = { mode: { kind: "sequence", tasks: ["deploy_counter", "call_counter"] }, config, json: false }
 */
export type LoadRequest = {
  mode: { kind: "start" } | { kind: "run"; task: string } | { kind: "sequence"; tasks: readonly string[] }
  config: Config
  shard?: Shard
  json: boolean
  verbose: boolean
}

/**
 * Runs a load request end to end (devnet or RPC, wallets, database, runner, progress, summary).
 *
 * @example
 * const code = await executeLoad(context, request)
 */
export async function executeLoad(
  context: CliContext,
  request: LoadRequest,
): Promise<Result<number, BaseError>> {
  return Err(
    new CliNotImplementedError({
      command: `${context.programName} ${request.mode.kind}`,
      hint: "The CLI is not wired to the runner yet; the config above was valid.",
    }),
  )
}
