import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"

// Whether the endpoint of a run offers `tempo_fundAddress`, learned from the first call of the
// run (testnet RPCs do; anvil and mainnet answer −32601 "method not found"). Keyed by run id.
const supportByRun = new Map<string, boolean>()

/**
 * Calls `tempo_fundAddress(address)` unless this run already learned that the endpoint lacks it.
 * Resolves to the faucet's transaction hashes, or `undefined` when the method does not exist
 * (−32601, cached for the run); other errors are returned as they are.
 *
 * @example
 * const hashes = await requestFaucet(context, context.address)
 * if (hashes.isOk() && hashes.value === undefined) // no faucet here: fall back
 */
export async function requestFaucet(
  context: Pick<TaskContext, "rpc" | "runId">,
  address: string,
): Promise<Result<readonly string[] | undefined, BaseError>> {
  if (supportByRun.get(context.runId) === false) return Ok(undefined)
  const answer = await context.rpc.request<unknown>("tempo_fundAddress", [address])
  if (answer.isErr()) {
    if (answer.error.code !== "RPC_METHOD_NOT_FOUND") return answer
    supportByRun.set(context.runId, false)
    return Ok(undefined)
  }
  supportByRun.set(context.runId, true)
  const hashes = Array.isArray(answer.value) ? answer.value : []
  return Ok(hashes.filter((hash): hash is string => typeof hash === "string"))
}

/**
 * What this process learned about a run's endpoint: true (faucet), false (none), undefined (not asked yet).
 *
 * @example
 * faucetSupport(context.runId) // false on anvil after the first faucet task
 */
export function faucetSupport(runId: string): boolean | undefined {
  return supportByRun.get(runId)
}
