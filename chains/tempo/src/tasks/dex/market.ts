import { type BaseError, Ok, type Result, type TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexCreatePair } from "../../contracts/stablecoinDex.js"
import { predictTip20Address } from "../../contracts/tip20Factory.js"
import type { TempoCall } from "../../transaction/types.js"
import { createTokenWithIssuerCalls } from "../shared/createTokenCalls.js"
import { isTip20Token } from "../shared/ownedToken.js"
import type { PendingTransaction } from "../shared/pendingSend.js"
import { rememberTrue } from "../shared/runFacts.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { dexGas } from "./calls.js"

/** Asset kind under which a wallet's own DEX market is recorded. */
export const dexMarketAssetKind = "dex_market"

/**
 * A wallet's own order book: `base` quotes `quote`, `quote` quotes pathUSD, and the wallet is
 * admin and issuer of both, so it can mint whatever an order, a flip order or a swap needs
 * (orders are at least 100 USD; worker wallets hold only a few USD of the genesis stablecoins).
 *
 * @example
 * const { base, quote } = (await findOrCreateDexMarket(context)).unwrap()
 */
export type DexMarket = {
  readonly base: string
  readonly quote: string
  /**
   * The creation when this call sent it, not waited for: the task's first order or swap goes out
   * right behind it and the task confirms both (`confirmAll`). A market created here has an empty
   * book and an empty DEX balance.
   */
  readonly creation: PendingTransaction | undefined
}

function createTokenCalls(
  context: TaskContext,
  token: string,
  salt: string,
  quoteToken: string,
): TempoCall[] {
  const symbol = `DX${context.random.hex(2).slice(2).toUpperCase()}`
  return createTokenWithIssuerCalls(context, { token, salt, name: `Dex ${symbol}`, symbol, quoteToken })
}

/**
 * Sends the market's creation in ONE Tempo transaction, without waiting for it: createToken(quote),
 * grant issuer, createToken(base quoting it), grant issuer, createPair(quote) (a pair against
 * pathUSD), createPair(base). Once mined it is recorded as asset kind "dex_market" (address = base,
 * metadata.quote).
 *
 * @example
 * const market = await createDexMarket(context)
 */
export async function createDexMarket(context: TaskContext): Promise<Result<DexMarket, BaseError>> {
  const quoteSalt = context.random.hex(32)
  const baseSalt = context.random.hex(32)
  // Addresses computed locally (no getTokenAddress read); a wrong one would revert the batch.
  const quote = { value: predictTip20Address(context.address, quoteSalt) }
  const base = { value: predictTip20Address(context.address, baseSalt) }
  const calls = [
    ...createTokenCalls(context, quote.value, quoteSalt, tempoAddresses.pathUsd),
    ...createTokenCalls(context, base.value, baseSalt, quote.value),
    { to: tempoAddresses.stablecoinDex, input: encodeDexCreatePair(quote.value) },
    { to: tempoAddresses.stablecoinDex, input: encodeDexCreatePair(base.value) },
  ]
  const creation = sendPathUsdCallsPending(context, calls, dexGas.createMarket, (receipt) => {
    // createPair accepts only TIP-20s: the mined batch proves both tokens are.
    rememberTrue(context, `isTIP20:${base.value}`)
    rememberTrue(context, `isTIP20:${quote.value}`)
    context.recordAsset({
      kind: dexMarketAssetKind,
      address: base.value,
      transactionHash: receipt.hash,
      metadata: { quote: quote.value },
    })
    return Ok(undefined)
  })
  return Ok({ base: base.value, quote: quote.value, creation: creation })
}

/**
 * This wallet's market from an earlier task (this or an earlier run; skipped when its token is gone,
 * e.g. a devnet restarted over an old database), or a new one whose creation is sent, not waited for.
 *
 * @example
 * const market = await findOrCreateDexMarket(context)
 * if (market.isErr()) return market
 */
export async function findOrCreateDexMarket(context: TaskContext): Promise<Result<DexMarket, BaseError>> {
  const assets = await context.database.assetsByKind({
    kind: dexMarketAssetKind,
    wallet: context.address,
    limit: 500,
  })
  if (assets.isErr()) return assets
  const mine = assets.value.filter((asset) => asset.wallet.toLowerCase() === context.address.toLowerCase())
  if (mine.length > 0) {
    const candidate = context.random.pick(mine)
    const quote = candidate.metadata?.quote
    const isTip20 = await isTip20Token(context, candidate.address)
    if (isTip20.isErr()) return isTip20
    if (typeof quote === "string" && isTip20.value)
      return Ok({ base: candidate.address, quote, creation: undefined })
  }
  return createDexMarket(context)
}
