import {
  type BaseError,
  Ok,
  type Result,
  readValue,
  type SentTransaction,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import {
  encodeTip20GrantRole,
  encodeTip20HasRole,
  encodeTip20Mint,
  tip20IssuerRole,
} from "../../contracts/tip20.js"
import { encodeCreateToken, encodeIsTip20, predictTip20Address } from "../../contracts/tip20Factory.js"
import type { TempoCall } from "../../transaction/types.js"
import { tempoGasLimits } from "./gasLimits.js"
import { issuerFact } from "./issuerRole.js"
import { coverFromKnownBalance, hasKnownBalance } from "./knownBalance.js"
import { type PendingTransaction, sendPending } from "./pendingSend.js"
import { readBalance } from "./reads.js"
import { knownTrue, onceTrue, rememberTrue } from "./runFacts.js"
import { sendPathUsdCallsPending } from "./sendPathUsdCalls.js"

/** Asset kind under which created TIP-20 tokens are recorded. */
export const tip20AssetKind = "tip20"

/**
 * A TIP-20 token the task's wallet administers.
 *
 * @example
 * const { address, creation } = owned.value
 */
export type OwnedToken = {
  readonly address: string
  readonly symbol: string
  /** The token's name, when this call created it (EIP-712 signers need it before it is mined). */
  readonly name?: string
  /**
   * The creation when this call sent it, not waited for: the task's first step on the token goes
   * out right behind it, and the task confirms both (`confirmAll`). A token created here
   * holds nothing yet: no supply, no balances, no roles but the admin's, the default policy.
   */
  readonly creation: PendingTransaction | undefined
}

/**
 * A TIP-20 token created and mined, with its creation transaction.
 *
 * @example
 * const { address, creation } = created.value
 */
export type CreatedToken = {
  readonly address: string
  readonly symbol: string
  readonly creation: SentTransaction
}

/** Tokens this run created, by run, chain, token and admin: the admin holds no issuer role yet. Bounded. */
const createdWithoutIssuer = new Set<string>()
const createdWithoutIssuerLimit = 20_000

function createdKey(context: Pick<TaskContext, "runId" | "chainId">, token: string, admin: string): string {
  return `${context.runId}:${context.chainId}:${token.toLowerCase()}:${admin.toLowerCase()}`
}

/**
 * Whether this run created `token` with `admin` as its admin: then every role the admin holds on
 * it was granted by a batch of this run, which the run remembers once mined (`rememberIssuerGrants`),
 * so a role not remembered is not held and needs no `hasRole` read.
 *
 * @example
 * if (createdByThisRun(context, token, context.address) && !knownTrue(context, fact)) calls.push(grant)
 */
export function createdByThisRun(
  context: Pick<TaskContext, "runId" | "chainId">,
  token: string,
  admin: string,
): boolean {
  return createdWithoutIssuer.has(createdKey(context, token, admin))
}

/** Whether `logs` hold the factory's `TokenCreated(address indexed token, …)` of `token`. */
function tokenCreatedIn(
  logs: readonly { address: string; topics: readonly string[] }[],
  token: string,
): boolean {
  const factory = tempoAddresses.tip20Factory.toLowerCase()
  const topic = `0x${token.slice(2).toLowerCase().padStart(64, "0")}`
  return logs.some((log) => log.address.toLowerCase() === factory && log.topics[1]?.toLowerCase() === topic)
}

/**
 * Sends the creation of a USD TIP-20 token through the factory with the wallet as admin (salt
 * random) without waiting for it: its address is predicted from the wallet and the salt, so the
 * task's next step on the token can go out right behind it. Once its receipt is waited for, the
 * factory's `TokenCreated` log must name the predicted address (the factory emits it only for a
 * TIP-20 it created: no `isTIP20` read), and the token is recorded as asset kind "tip20".
 *
 * @example
 * const started = await startTip20Token(context)
 */
export async function startTip20Token(
  context: TaskContext,
): Promise<Result<OwnedToken & { readonly creation: PendingTransaction }, BaseError>> {
  const salt = context.random.hex(32)
  const symbol = `T${context.random.hex(3).slice(2).toUpperCase()}`
  const name = `Testnet ${symbol}`
  const token = predictTip20Address(context.address, salt)
  const request = {
    to: tempoAddresses.tip20Factory,
    data: encodeCreateToken({
      name,
      symbol,
      currency: "USD",
      quoteToken: tempoAddresses.pathUsd,
      admin: context.address,
      salt,
    }),
    value: 0n,
    gasLimit: tempoGasLimits.createToken,
  }
  const creation = sendPending(context, request, (receipt) => {
    if (!tokenCreatedIn(receipt.logs, token))
      return taskFailure(context, `no TokenCreated log for the predicted address ${token}`)
    rememberTrue(context, `isTIP20:${token}`)
    context.recordAsset({
      kind: tip20AssetKind,
      address: token,
      transactionHash: receipt.hash,
      metadata: { name, symbol, currency: "USD", admin: context.address },
    })
    return Ok(undefined)
  })
  // Known from the moment it is sent: the admin holds no issuer role on it yet.
  if (createdWithoutIssuer.size >= createdWithoutIssuerLimit) createdWithoutIssuer.clear()
  createdWithoutIssuer.add(createdKey(context, token, context.address))
  return Ok({ address: token, symbol, name, creation: creation })
}

/**
 * Creates a USD TIP-20 token (see {@link startTip20Token}) and waits for it.
 *
 * @example
 * const created = await createTip20Token(context)
 */
export async function createTip20Token(context: TaskContext): Promise<Result<CreatedToken, BaseError>> {
  const started = await startTip20Token(context)
  if (started.isErr()) return started
  const mined = await started.value.creation.confirmed()
  if (mined.isErr()) return mined
  const { address, symbol } = started.value
  return Ok({ address, symbol, creation: mined.value.sent })
}

/**
 * Whether `address` is a TIP-20 (the factory's `isTIP20`), read once per run and token: a token
 * does not stop being one.
 *
 * @example
 * const isTip20 = await isTip20Token(context, candidate.address)
 */
export function isTip20Token(
  context: Pick<TaskContext, "call" | "task" | "runId" | "chainId">,
  address: string,
): Promise<Result<boolean, BaseError>> {
  return onceTrue(context, `isTIP20:${address}`, () =>
    readValue<boolean>(context, tempoAddresses.tip20Factory, encodeIsTip20(address), "bool"),
  )
}

/**
 * A token this wallet created earlier (this or an earlier run, still present on chain), or a new
 * one whose creation is sent but not waited for (see {@link OwnedToken.creation}).
 *
 * @example
 * const owned = await findOrCreateOwnedToken(context)
 * if (owned.isErr()) return owned
 */
export async function findOrCreateOwnedToken(context: TaskContext): Promise<Result<OwnedToken, BaseError>> {
  const assets = await context.database.assetsByKind({
    kind: tip20AssetKind,
    wallet: context.address,
    limit: 500,
  })
  if (assets.isErr()) return assets
  const mine = assets.value.filter((asset) => asset.wallet.toLowerCase() === context.address.toLowerCase())
  if (mine.length > 0) {
    const candidate = context.random.pick(mine)
    const isTip20 = await isTip20Token(context, candidate.address)
    if (isTip20.isErr()) return isTip20
    const symbol = typeof candidate.metadata?.symbol === "string" ? candidate.metadata.symbol : "?"
    if (isTip20.value) return Ok({ address: candidate.address, symbol, creation: undefined })
  }
  return startTip20Token(context)
}

/**
 * `[grantRole(ISSUER_ROLE, wallet)]` when the wallet lacks the issuer role on `token`, else `[]`
 * (prepend it to a batch that mints or burns).
 *
 * @example
 * const calls = [...(await issuerRoleCalls(context, token)).unwrap(), { to: token, input: encodeTip20Mint(context.address, 10n) }]
 */
export async function issuerRoleCalls(
  context: TaskContext,
  token: string,
): Promise<Result<TempoCall[], BaseError>> {
  // Nothing in the catalog revokes the issuer role: once held (read, or granted by a mined batch),
  // it is not read again this run; a token this run created has none until a batch grants it.
  const grant = [{ to: token, input: encodeTip20GrantRole(tip20IssuerRole, context.address) }]
  if (
    createdWithoutIssuer.has(createdKey(context, token, context.address)) &&
    !knownTrue(context, issuerFact(token, context.address))
  )
    return Ok(grant)
  const has = await onceTrue(context, issuerFact(token, context.address), () =>
    readValue<boolean>(context, token, encodeTip20HasRole(context.address, tip20IssuerRole), "bool"),
  )
  if (has.isErr()) return has
  return Ok(has.value ? [] : grant)
}

/**
 * Sends `calls` on a created token as one Tempo transaction paying its fee in pathUSD (a created
 * token has no FeeAMM liquidity, so it must never be picked as the fee token), without waiting for
 * it: it may go out right behind the token's creation, and the task confirms both.
 *
 * @example
 * const burn = await sendTokenCalls(context, [{ to: token, input: encodeTip20Burn(5n) }])
 * if (burn.isErr()) return burn
 * const receipts = await confirmAll([owned.value.creation, burn.value])
 */
export function sendTokenCalls(context: TaskContext, calls: readonly TempoCall[]): PendingTransaction {
  return sendPathUsdCallsPending(
    context,
    calls,
    tempoGasLimits.tip20Admin * BigInt(Math.max(1, calls.length)),
  )
}

/**
 * `[mint(wallet, mintAmount)]` when the wallet's balance of its own `token` may not cover `amount`,
 * else `[]`, with the amount minted. The balance is read only when the run's lower bound of it
 * (counted down by every spend through this function: the created-token transfer and the burns,
 * the only tasks that spend a wallet's own token; mints only add) does not cover the amount.
 *
 * @example
 * const short = await mintIfShort(context, token, amount)
 * if (short.isErr()) return short
 * const calls = [...role.value, ...short.value.calls, { to: token, input: encodeTip20Burn(amount) }]
 */
export async function mintIfShort(
  context: TaskContext,
  token: string,
  amount: bigint,
  mintAmount: bigint = amount,
): Promise<Result<{ readonly calls: TempoCall[]; readonly minted: bigint }, BaseError>> {
  // A token this run created and that no spend has counted yet holds nothing: mint without a read.
  const key = `own:${token}:${context.address}`
  if (createdWithoutIssuer.has(createdKey(context, token, context.address)) && !hasKnownBalance(context, key))
    return Ok({
      calls: [{ to: token, input: encodeTip20Mint(context.address, mintAmount) }],
      minted: mintAmount,
    })
  const covered = await coverFromKnownBalance(context, key, amount, () =>
    readBalance(context, token, context.address),
  )
  if (covered.isErr()) return covered
  if (covered.value.covered) return Ok({ calls: [], minted: 0n })
  return Ok({
    calls: [{ to: token, input: encodeTip20Mint(context.address, mintAmount) }],
    minted: mintAmount,
  })
}
