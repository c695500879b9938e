import { CliInvalidFlagError, type CliInvalidFlagErrorType } from "../errors/cli.js"
import { Err, Ok, type Result } from "../result.js"
import type { Shard, ShardFlag } from "./flagParsers.js"

const autoHints = [
  "`--shard auto` is for the pods of a Kubernetes Indexed Job (completionMode: Indexed), which get JOB_COMPLETION_INDEX;",
  "set TESTNET_SHARD_COUNT to the Job's completions. Elsewhere give --shard INDEX/COUNT, e.g. 1/4.",
]

/**
 * `--shard auto`: a Kubernetes Indexed Job gives each pod `JOB_COMPLETION_INDEX` (0-based); the
 * shard count comes from `TESTNET_SHARD_COUNT` (the Job's `completions`). Pod 0 is shard 1.
 *
 * @example
 * shardFromEnvironment({ JOB_COMPLETION_INDEX: "2", TESTNET_SHARD_COUNT: "4" }) // Ok({ index: 3, count: 4 })
 */
export function shardFromEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
): Result<Shard, CliInvalidFlagErrorType> {
  const refuse = (reason: string) =>
    Err(
      new CliInvalidFlagError({
        flag: "--shard",
        value: "auto",
        reason,
        hints: autoHints,
      }) as CliInvalidFlagErrorType,
    )
  const indexText = environment.JOB_COMPLETION_INDEX?.trim()
  const countText = environment.TESTNET_SHARD_COUNT?.trim()
  const missing = [
    indexText === undefined || indexText === "" ? "JOB_COMPLETION_INDEX" : undefined,
    countText === undefined || countText === "" ? "TESTNET_SHARD_COUNT" : undefined,
  ].filter((name) => name !== undefined)
  if (missing.length > 0) return refuse(`${missing.join(" and ")} not set`)
  if (!/^\d+$/.test(indexText ?? ""))
    return refuse(`JOB_COMPLETION_INDEX must be a whole number >= 0, got "${indexText}"`)
  if (!/^\d+$/.test(countText ?? "") || Number(countText) < 1)
    return refuse(`TESTNET_SHARD_COUNT must be a whole number >= 1, got "${countText}"`)
  const index = Number(indexText) + 1
  const count = Number(countText)
  if (index > count)
    return refuse(
      `JOB_COMPLETION_INDEX ${indexText} is outside TESTNET_SHARD_COUNT ${count} (0-based: at most ${count - 1}); keep the Job's completions equal to TESTNET_SHARD_COUNT`,
    )
  return Ok({ index, count })
}

/**
 * The shard a command runs: the flag's, or for `auto` the one the environment names.
 *
 * @example
 * const shard = resolveShardFlag(options.shard, context.io.environment)
 * if (shard.isErr()) return shard
 */
export function resolveShardFlag(
  flag: ShardFlag | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): Result<Shard | undefined, CliInvalidFlagErrorType> {
  return flag === "auto" ? shardFromEnvironment(environment) : Ok(flag)
}
