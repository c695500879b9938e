import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"

/**
 * Facts that, once true, stay true for the rest of a run (a token is a TIP-20, a wallet holds a
 * role nothing in the catalog revokes), by run, chain and fact. A task asks the chain only until
 * one answer says yes. Bounded.
 */
const trueFacts = new Set<string>()
const trueFactsLimit = 20_000

/**
 * `read()` until it answers true once in this run; then true without a call.
 *
 * @example
 * const isTip20 = await onceTrue(context, `isTIP20:${token}`, () => readValue<boolean>(context, factory, data, "bool"))
 */
export async function onceTrue(
  context: Pick<TaskContext, "runId" | "chainId">,
  fact: string,
  read: () => Promise<Result<boolean, BaseError>>,
): Promise<Result<boolean, BaseError>> {
  const key = `${context.runId}:${context.chainId}:${fact.toLowerCase()}`
  if (trueFacts.has(key)) return Ok(true)
  const answer = await read()
  if (answer.isOk() && answer.value) rememberTrue(context, fact)
  return answer
}

/**
 * Records a fact the run established itself (e.g. a token it just created is a TIP-20).
 *
 * @example
 * rememberTrue(context, `isTIP20:${created}`)
 */
export function rememberTrue(context: Pick<TaskContext, "runId" | "chainId">, fact: string): void {
  if (trueFacts.size >= trueFactsLimit) trueFacts.clear()
  trueFacts.add(`${context.runId}:${context.chainId}:${fact.toLowerCase()}`)
}

/**
 * Whether the run already established `fact` (no read).
 *
 * @example
 * if (knownTrue(context, `isTIP20:${token}`)) return
 */
export function knownTrue(context: Pick<TaskContext, "runId" | "chainId">, fact: string): boolean {
  return trueFacts.has(`${context.runId}:${context.chainId}:${fact.toLowerCase()}`)
}
