import { type BaseError, Ok, type Result, readValue, type TaskContext } from "@testnet/core"
import { createFastWallet, type FastWallet } from "@testnet/core/wallet"
import { id, keccak256, toUtf8Bytes } from "ethers"
import { addressWord, bytes32Word, uintWord } from "../../contracts/staticAbi.js"
import { encodeTip20Permit, tip20Interface } from "../../contracts/tip20.js"
import { hashBytes } from "../../transaction/fastRlp.js"
import type { TempoCall } from "../../transaction/types.js"
import { estimateChainTime } from "../shared/chainTime.js"

const domainSeparatorCall = tip20Interface.encodeFunctionData("DOMAIN_SEPARATOR")

const permitTypeHash = id(
  "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)",
)

/**
 * A token holder that exists only as a key inside the task: it never sends a transaction (it has
 * no fee balance), it signs EIP-2612 permits that the wallet submits, as a payer's wallet app
 * signs a permit that a merchant or relayer submits. Its key mixes the run id into the seeded
 * random bytes: a holder is new in every run (a replay with the same seed too), so its permit
 * nonce is 0 without asking the token.
 *
 * @example
 * const holder = createOfflineHolder(context)
 */
export function createOfflineHolder(context: Pick<TaskContext, "random" | "runId">): OfflineHolder {
  // Native signing and address (core's fast wallet): ethers' JavaScript key was ~2 % of the job's CPU.
  const key = createFastWallet(keccak256(toUtf8Bytes(`${context.runId}:${context.random.hex(32)}`))).unwrap()
  return { address: key.address, key }
}

/**
 * A key-only token holder (see {@link createOfflineHolder}).
 *
 * @example
 * const holder: OfflineHolder = createOfflineHolder(context)
 */
export type OfflineHolder = { readonly address: string; readonly key: Pick<FastWallet, "signDigest"> }

/** `DOMAIN_SEPARATOR()` per run, chain and token: it is fixed at the token's creation. Bounded. */
const domainSeparators = new Map<string, string>()
const domainSeparatorsLimit = 10_000

const domainTypeHash = id(
  "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
)

/**
 * A TIP-20's `DOMAIN_SEPARATOR()` computed from its name: tempo's TIP-20 precompile builds it the
 * EIP-712 way from the token's name, version "1", the chain id and the token's address
 * (`domain_separator` and `VERSION_HASH` in `crates/precompiles/src/tip20/mod.rs`). Lets a task sign
 * a permit for a token whose creation is not mined yet (the test compares it with the chain's).
 *
 * @example
 * const separator = tip20DomainSeparator("Testnet T1A2B3", 31337, token)
 */
export function tip20DomainSeparator(name: string, chainId: number, token: string): string {
  // abi.encode(typeHash, keccak(name), keccak("1"), chainId, token): all static words.
  return hashBytes(
    Buffer.from(
      `${bytes32Word(domainTypeHash)}${bytes32Word(id(name))}${bytes32Word(id("1"))}${uintWord(BigInt(chainId))}${addressWord(token)}`,
      "hex",
    ),
  )
}

async function domainSeparatorOf(
  context: TaskContext,
  token: string,
  name: string | undefined,
): Promise<Result<string, BaseError>> {
  const key = `${context.runId}:${context.chainId}:${token.toLowerCase()}`
  const known = domainSeparators.get(key)
  if (known !== undefined) return Ok(known)
  const read =
    name === undefined
      ? await readValue<string>(context, token, domainSeparatorCall, "bytes32")
      : Ok(tip20DomainSeparator(name, context.chainId, token))
  if (read.isErr()) return read
  if (domainSeparators.size >= domainSeparatorsLimit) domainSeparators.clear()
  domainSeparators.set(key, read.value)
  return read
}

/**
 * The `permit(owner, spender, value, deadline, v, r, s)` call on `token`, signed by `owner`'s key
 * over the token's own `DOMAIN_SEPARATOR()` (read once per run and token; computed from the name
 * for a token the task just created, see {@link tip20DomainSeparator}) and the owner's first
 * permit nonce, 0 (an offline holder signs one permit; EIP-2612, TIP-1004: only v 27/28 is
 * accepted), valid for ten minutes of chain time (estimated: a wrong nonce or deadline reverts
 * the permit, and the task sees the revert).
 *
 * @example
 * const call = await signedPermitCall(context, owned.value, holder, context.address, amount)
 */
export async function signedPermitCall(
  context: TaskContext,
  token: { readonly address: string; readonly name?: string },
  owner: OfflineHolder,
  spender: string,
  value: bigint,
): Promise<Result<TempoCall, BaseError>> {
  const [domainSeparator, now] = await Promise.all([
    domainSeparatorOf(context, token.address, token.name),
    estimateChainTime(context),
  ])
  if (domainSeparator.isErr()) return domainSeparator
  if (now.isErr()) return now
  const nonce = 0n
  const deadline = now.value + 600n
  // abi.encode(typeHash, owner, spender, value, nonce, deadline): all static words.
  const structHash = hashBytes(
    Buffer.from(
      `${bytes32Word(permitTypeHash)}${addressWord(owner.address)}${addressWord(spender)}${uintWord(value)}${uintWord(nonce)}${uintWord(deadline)}`,
      "hex",
    ),
  )
  const digest = hashBytes(
    Buffer.from(`1901${bytes32Word(domainSeparator.value)}${structHash.slice(2)}`, "hex"),
  )
  const signature = owner.key.signDigest(digest)
  return Ok({
    to: token.address,
    input: encodeTip20Permit({
      owner: owner.address,
      spender,
      value,
      deadline,
      v: signature.v,
      r: signature.r,
      s: signature.s,
    }),
  })
}
