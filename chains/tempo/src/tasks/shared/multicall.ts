import { type BaseError, Ok, type Result, type TaskContext, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { decodeAggregate3, multicall3Interface } from "../../funding/balances.js"

/**
 * One read of a batch: the contract and the calldata of a view.
 *
 * @example
 * const read: ViewCall = { to: token, data: encodeTip20BalanceOf(context.address) }
 */
export type ViewCall = { readonly to: string; readonly data: string }

/**
 * Several views in ONE eth_call through Multicall3 (`aggregate3`, predeployed on Tempo and
 * `anvil --network tempo`), all at the same block: the raw return data of each, in order. Any view
 * that reverts fails the whole read (as the single calls would). Where Multicall3 has no code, one
 * eth_call per view, issued together (one JSON-RPC batch).
 *
 * @example
 * const [preference, balance] = (await readViews(context, [preferenceCall, balanceCall])).unwrap()
 */
export async function readViews(
  context: Pick<TaskContext, "call" | "task">,
  calls: readonly ViewCall[],
): Promise<Result<string[], BaseError>> {
  const data = multicall3Interface.encodeFunctionData("aggregate3", [
    calls.map((call) => ({ target: call.to, allowFailure: true, callData: call.data })),
  ])
  const returned = await context.call({ to: tempoAddresses.multicall3, data })
  if (returned.isErr()) return returned
  if (returned.value === "0x") return readOneByOne(context, calls)
  const results = decodeAggregate3(returned.value)
  if (results === undefined || results.length !== calls.length)
    return taskFailure(
      context,
      `Multicall3 answered ${results?.length ?? "nothing"} of ${calls.length} reads`,
    )
  const failed = results.findIndex((result) => !result.success)
  if (failed >= 0) return taskFailure(context, `the read of ${calls[failed]?.to} reverted`)
  return Ok(results.map((result) => result.returnData))
}

async function readOneByOne(
  context: Pick<TaskContext, "call">,
  calls: readonly ViewCall[],
): Promise<Result<string[], BaseError>> {
  const answers = await Promise.all(calls.map((call) => context.call(call)))
  const values: string[] = []
  for (const answer of answers) {
    if (answer.isErr()) return answer
    values.push(answer.value)
  }
  return Ok(values)
}

/**
 * An ABI word (uint, address…) of a view's return data as a bigint (0 for empty data).
 *
 * @example
 * const balance = wordOf(returned[1])
 */
export function wordOf(data: string | undefined): bigint {
  return data === undefined || data === "0x" ? 0n : BigInt(data.slice(0, 66))
}

/**
 * An address word of a view's return data, checksum-free lower case (0x + 40 hex digits).
 *
 * @example
 * const preference = addressOf(returned[0])
 */
export function addressOf(data: string | undefined): string {
  return `0x${wordOf(data).toString(16).padStart(40, "0")}`
}
