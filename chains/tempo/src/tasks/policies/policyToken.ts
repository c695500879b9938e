import { type BaseError, Ok, type Result, type TaskContext, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { predictTip20Address } from "../../contracts/tip20Factory.js"
import { createTokenWithIssuerCalls } from "../shared/createTokenCalls.js"
import { isTip20Token, type OwnedToken } from "../shared/ownedToken.js"
import type { PendingTransaction } from "../shared/pendingSend.js"
import { rememberTrue } from "../shared/runFacts.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { adminGas } from "./calls.js"

/**
 * Asset kind of the token a wallet keeps for TIP-403 tasks. It is not the wallet's general-purpose
 * token (kind "tip20"): the policies attached here would make that token's transfers to random
 * addresses fail in the other token tasks.
 */
export const policyTokenAssetKind = "tip403_token"

/**
 * Sends the creation of a USD TIP-20 for policy tasks in one batch (createToken with the wallet as
 * admin, grantRole(ISSUER_ROLE, wallet)) without waiting for it (its address is predicted); once
 * mined, its TokenCreated log must name that address, and it is recorded as asset kind
 * "tip403_token".
 *
 * @example
 * const token = await createPolicyToken(context)
 */
export async function createPolicyToken(
  context: TaskContext,
): Promise<Result<OwnedToken & { readonly creation: PendingTransaction }, BaseError>> {
  const salt = context.random.hex(32)
  const symbol = `P${context.random.hex(3).slice(2).toUpperCase()}`
  const predicted = predictTip20Address(context.address, salt)
  const calls = createTokenWithIssuerCalls(context, {
    token: predicted,
    salt,
    name: `Policy ${symbol}`,
    symbol,
  })
  const creation = sendPathUsdCallsPending(context, calls, 4_000_000n + adminGas(1), (receipt) => {
    // The factory logs TokenCreated(token) only for a TIP-20 it created: no isTIP20 read.
    const factory = tempoAddresses.tip20Factory.toLowerCase()
    const createdTopic = `0x${predicted.slice(2).toLowerCase().padStart(64, "0")}`
    const created = receipt.logs.some(
      (log) => log.address.toLowerCase() === factory && log.topics[1]?.toLowerCase() === createdTopic,
    )
    if (!created) return taskFailure(context, `no TokenCreated log for the predicted address ${predicted}`)
    rememberTrue(context, `isTIP20:${predicted}`)
    context.recordAsset({
      kind: policyTokenAssetKind,
      address: predicted,
      transactionHash: receipt.hash,
      metadata: { symbol, admin: context.address },
    })
    return Ok(undefined)
  })
  return Ok({ address: predicted, symbol, creation: creation })
}

/**
 * The wallet's policy token from an earlier task (this or an earlier run, still on chain), or a
 * new one whose creation is sent, not waited for. The wallet is its admin and issuer.
 *
 * @example
 * const token = await findOrCreatePolicyToken(context)
 * if (token.isErr()) return token
 */
export async function findOrCreatePolicyToken(context: TaskContext): Promise<Result<OwnedToken, BaseError>> {
  const assets = await context.database.assetsByKind({
    kind: policyTokenAssetKind,
    wallet: context.address,
    limit: 500,
  })
  if (assets.isErr()) return assets
  const mine = assets.value.filter((asset) => asset.wallet.toLowerCase() === context.address.toLowerCase())
  const candidate = mine.length > 0 ? context.random.pick(mine) : undefined
  if (candidate !== undefined) {
    const exists = await isTip20Token(context, candidate.address)
    if (exists.isErr()) return exists
    const symbol = typeof candidate.metadata?.symbol === "string" ? candidate.metadata.symbol : "?"
    if (exists.value) return Ok({ address: candidate.address, symbol, creation: undefined })
  }
  return createPolicyToken(context)
}
