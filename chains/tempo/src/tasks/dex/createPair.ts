import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeDexCreatePair } from "../../contracts/stablecoinDex.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { pairExists } from "./book.js"
import { dexGas, sendDexCalls } from "./calls.js"

/**
 * `createPair(base)` on the stablecoin DEX for a TIP-20 the wallet created (quote pathUSD; the
 * token is created first when the wallet has none). Idempotent: when the book already exists the
 * task succeeds without sending `createPair` again.
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
    const exists = await pairExists(context, base, tempoAddresses.pathUsd)
    if (exists.isErr()) return exists
    if (exists.value) return succeeded([token.value.creation], [`pair ${base}/pathUSD already exists`])
    const calls = [{ to: tempoAddresses.stablecoinDex, input: encodeDexCreatePair(base) }]
    const done = await sendDexCalls(context, calls, dexGas.createPair)
    if (done.isErr()) return done
    context.recordAsset({
      kind: "dex_pair",
      address: base,
      transactionHash: done.value.sent.hash,
      metadata: { quote: tempoAddresses.pathUsd },
    })
    return succeeded([token.value.creation, done.value.sent], [`pair ${base}/pathUSD created`])
  },
})
