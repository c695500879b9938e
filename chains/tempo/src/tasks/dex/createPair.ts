import { defineTask, Ok, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexCreatePair } from "../../contracts/stablecoinDex.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { onceTrue, rememberTrue } from "../shared/runFacts.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { pairExists } from "./book.js"
import { dexGas } from "./calls.js"

/**
 * `createPair(base)` on the stablecoin DEX for a TIP-20 the wallet created (quote pathUSD; the
 * token is created first when the wallet has none, and `createPair` goes right behind its creation:
 * a token created here has no pair, nothing to ask). Idempotent: when the book already exists the
 * task succeeds without sending `createPair` again (a pair, once there, stays: asked once per run).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "dex_create_pair")
 */
export const dexCreatePair = defineTask({
  name: "dex_create_pair",
  weight: 1,
  description: "Creates a DEX pair (own TIP-20 against pathUSD); an existing pair is fine.",
  async run(context) {
    const token = await findOrCreateOwnedToken(context)
    if (token.isErr()) return token
    const base = token.value.address
    const pairFact = `dexPair:${base}`
    const exists =
      token.value.creation === undefined
        ? await onceTrue(context, pairFact, () => pairExists(context, base, tempoAddresses.pathUsd))
        : Ok(false)
    if (exists.isErr()) return exists
    if (exists.value) return succeeded([], [`pair ${base}/pathUSD already exists`])
    const calls = [{ to: tempoAddresses.stablecoinDex, input: encodeDexCreatePair(base) }]
    const created = sendPathUsdCallsPending(context, calls, dexGas.createPair)
    const steps = [token.value.creation, created] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    rememberTrue(context, pairFact)
    context.recordAsset({
      kind: "dex_pair",
      address: base,
      transactionHash: mined.value[1].sent.hash,
      metadata: { quote: tempoAddresses.pathUsd },
    })
    return succeeded(sentOf(mined.value), [`pair ${base}/pathUSD created`])
  },
})
