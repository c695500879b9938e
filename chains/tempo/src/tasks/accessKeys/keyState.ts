import { type BaseError, Ok, type Result, readValue, type TaskContext } from "@testnet/core"
import {
  type AccessKeyInfo,
  accountKeychainAddress,
  decodeAccessKeyInfo,
  decodeAllowedCalls,
  encodeGetAllowedCalls,
  encodeGetKey,
  encodeGetRemainingLimit,
} from "../../contracts/accountKeychain.js"

/**
 * The AccountKeychain's record of `keyId` for `account` (all zeros when unknown; `isRevoked` after a revoke).
 *
 * @example
 * const key = await readAccessKey(context, context.address, accessKey.address)
 */
export async function readAccessKey(
  context: Pick<TaskContext, "call">,
  account: string,
  keyId: string,
): Promise<Result<AccessKeyInfo, BaseError>> {
  const returned = await context.call({ to: accountKeychainAddress, data: encodeGetKey(account, keyId) })
  return returned.map(decodeAccessKeyInfo)
}

/**
 * How much of `token` the access key may still spend for `account`.
 *
 * @example
 * const remaining = await readRemainingLimit(context, context.address, key.address, token)
 */
export function readRemainingLimit(
  context: Pick<TaskContext, "call">,
  account: string,
  keyId: string,
  token: string,
): Promise<Result<bigint, BaseError>> {
  return readValue<bigint>(
    context,
    accountKeychainAddress,
    encodeGetRemainingLimit(account, keyId, token),
    "uint256",
  )
}

/**
 * The call scope of an access key: whether it is scoped, and its allowed targets.
 *
 * @example
 * const scope = await readAllowedCalls(context, context.address, key.address)
 */
export async function readAllowedCalls(
  context: Pick<TaskContext, "call">,
  account: string,
  keyId: string,
): Promise<Result<{ readonly isScoped: boolean; readonly targets: string[] }, BaseError>> {
  const returned = await context.call({
    to: accountKeychainAddress,
    data: encodeGetAllowedCalls(account, keyId),
  })
  if (returned.isErr()) return returned
  return Ok(decodeAllowedCalls(returned.value))
}
