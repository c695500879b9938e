import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"

/**
 * Lower bounds of balances the run reads only now and then, by run, chain and key: a task that
 * needs at most `needed` of a balance only it spends from (the sponsor's fee tokens) reads it once,
 * then counts down what it may have spent, and reads again when the count runs low. Bounded.
 */
const lowerBounds = new Map<string, bigint>()
const lowerBoundsLimit = 10_000

/**
 * Whether the balance under `key` covers `needed`, asking `read()` only when the remembered lower
 * bound does not; on yes, `needed` is counted as spent. The bound stays a lower bound as long as only
 * callers of this function spend from the balance (others may only add to it) and `needed` is at
 * least what is spent. Answers the balance seen (the bound) for messages.
 *
 * @example
 * const covered = await coverFromKnownBalance(context, `sponsor:${token}`, maximumFee, () => readBalance(context, token, sponsor))
 */
export async function coverFromKnownBalance(
  context: Pick<TaskContext, "runId" | "chainId">,
  key: string,
  needed: bigint,
  read: () => Promise<Result<bigint, BaseError>>,
): Promise<Result<{ readonly covered: boolean; readonly balance: bigint }, BaseError>> {
  const fullKey = `${context.runId}:${context.chainId}:${key.toLowerCase()}`
  const known = lowerBounds.get(fullKey)
  if (known !== undefined && known >= needed) {
    lowerBounds.set(fullKey, known - needed)
    return Ok({ covered: true, balance: known })
  }
  const balance = await read()
  if (balance.isErr()) return balance
  if (lowerBounds.size >= lowerBoundsLimit) lowerBounds.clear()
  const covered = balance.value >= needed
  lowerBounds.set(fullKey, covered ? balance.value - needed : balance.value)
  return Ok({ covered, balance: balance.value })
}

/**
 * Whether the run holds a bound for `key` (a balance it has read or counted).
 *
 * @example
 * if (!hasKnownBalance(context, `own:${token}:${context.address}`)) console.log("not read yet")
 */
export function hasKnownBalance(context: Pick<TaskContext, "runId" | "chainId">, key: string): boolean {
  return lowerBounds.has(`${context.runId}:${context.chainId}:${key.toLowerCase()}`)
}
