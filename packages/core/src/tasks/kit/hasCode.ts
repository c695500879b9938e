import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"

/**
 * Whether `address` holds code at the latest block (one `eth_getCode`).
 *
 * @example
 * const present = await hasCode(context, multicall3Address)
 * if (present.isErr()) return present
 */
export async function hasCode(
  context: Pick<TaskContext, "rpc" | "signal">,
  address: string,
): Promise<Result<boolean, BaseError>> {
  const code = await context.rpc.request<string>("eth_getCode", [address, "latest"], {
    signal: context.signal,
  })
  return code.map((value) => value !== "0x" && value !== "")
}

/**
 * Contracts seen with code (or deployed) in a run, by run, chain and address: code does not go
 * away within a run, so each is checked once per run instead of once per task (an eth_getCode per
 * task using a contract was ~0.1 RPC calls per transaction of the Tempo main job). Bounded.
 */
const liveContracts = new Set<string>()
const liveContractsLimit = 10_000

function liveContractKey(context: Pick<TaskContext, "runId" | "chainId">, address: string): string {
  return `${context.runId}:${context.chainId}:${address.toLowerCase()}`
}

/**
 * Remembers for the rest of the run that `address` holds code (a deployment the task confirmed).
 *
 * @example
 * rememberCode(context, deployed.address)
 */
export function rememberCode(context: Pick<TaskContext, "runId" | "chainId">, address: string): void {
  if (liveContracts.size >= liveContractsLimit) liveContracts.clear()
  liveContracts.add(liveContractKey(context, address))
}

/**
 * {@link hasCode}, asked once per run and address: a yes is remembered for the run (code does not
 * go away within a run), a no is asked again next time. For contracts a task uses, not for the
 * effect a task checks (a deployment it just made: ask {@link hasCode}).
 *
 * @example
 * const present = await hasCodeInRun(context, create2Deployer)
 * if (present.isOk() && !present.value) return taskFailure(context, "no CREATE2 deployer on this chain")
 */
export async function hasCodeInRun(
  context: Pick<TaskContext, "rpc" | "signal" | "runId" | "chainId">,
  address: string,
): Promise<Result<boolean, BaseError>> {
  if (liveContracts.has(liveContractKey(context, address))) return Ok(true)
  const present = await hasCode(context, address)
  if (present.isOk() && present.value) rememberCode(context, address)
  return present
}
