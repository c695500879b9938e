import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"
import { decodeValue } from "./decodeValue.js"

/**
 * `eth_call` of `data` on `to`, decoding one static return value of ABI `type` (uint256, address,
 * bool …).
 *
 * @example
 * const number = await readValue<bigint>(context, counter, Counter.encodeFunctionData("number"), "uint256")
 * if (number.isErr()) return number
 */
export async function readValue<T>(
  context: Pick<TaskContext, "call">,
  to: string,
  data: string,
  type: string,
): Promise<Result<T, BaseError>> {
  const result = await context.call({ to, data })
  if (result.isErr()) return result
  return Ok(decodeValue<T>(type, result.value))
}
