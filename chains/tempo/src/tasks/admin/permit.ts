import { type BaseError, Ok, type Result, readValue, type TaskContext } from "@testnet/core"
import { AbiCoder, computeAddress, concat, id, keccak256, SigningKey } from "ethers"
import { tip20Interface } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { readChainTime } from "../shared/chainTime.js"

const permitTypeHash = id(
  "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)",
)

/**
 * A token holder that exists only as a key inside the task: it never sends a transaction (it has
 * no fee balance), it signs EIP-2612 permits that the wallet submits, as a payer's wallet app
 * signs a permit that a merchant or relayer submits.
 *
 * @example
 * const holder = createOfflineHolder(context)
 */
export function createOfflineHolder(context: Pick<TaskContext, "random">): {
  readonly address: string
  readonly key: SigningKey
} {
  const key = new SigningKey(context.random.hex(32))
  return { address: computeAddress(key.publicKey), key }
}

/**
 * The `permit(owner, spender, value, deadline, v, r, s)` call on `token`, signed by `owner`'s key
 * over the token's own `DOMAIN_SEPARATOR()` and `nonces(owner)` (EIP-2612, TIP-1004: only v 27/28
 * is accepted), valid for ten minutes of chain time.
 *
 * @example
 * const call = await signedPermitCall(context, token, holder, context.address, amount)
 */
export async function signedPermitCall(
  context: TaskContext,
  token: string,
  owner: { readonly address: string; readonly key: SigningKey },
  spender: string,
  value: bigint,
): Promise<Result<TempoCall, BaseError>> {
  const [domainSeparator, nonce, now] = await Promise.all([
    readValue<string>(context, token, tip20Interface.encodeFunctionData("DOMAIN_SEPARATOR"), "bytes32"),
    readValue<bigint>(
      context,
      token,
      tip20Interface.encodeFunctionData("nonces", [owner.address]),
      "uint256",
    ),
    readChainTime(context),
  ])
  if (domainSeparator.isErr()) return domainSeparator
  if (nonce.isErr()) return nonce
  if (now.isErr()) return now
  const deadline = now.value + 600n
  const structHash = keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["bytes32", "address", "address", "uint256", "uint256", "uint256"],
      [permitTypeHash, owner.address, spender, value, nonce.value, deadline],
    ),
  )
  const digest = keccak256(concat(["0x1901", domainSeparator.value, structHash]))
  const signature = owner.key.sign(digest)
  return Ok({
    to: token,
    input: tip20Interface.encodeFunctionData("permit", [
      owner.address,
      spender,
      value,
      deadline,
      signature.v,
      signature.r,
      signature.s,
    ]),
  })
}
