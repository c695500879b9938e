import { defineTask, succeeded } from "@testnet/core"
import { createTip20Token } from "../shared/ownedToken.js"

/**
 * Creates a USD stablecoin through the TIP20Factory with the wallet as admin and records it as
 * asset kind "tip20".
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_create_token")
 */
export const tip20CreateToken = defineTask({
  name: "tip20_create_token",
  weight: 1,
  description: "Creates a TIP-20 USD stablecoin through the factory (records asset kind tip20).",
  async run(context) {
    const created = await createTip20Token(context)
    if (created.isErr()) return created
    return succeeded([created.value.creation], [`${created.value.symbol} at ${created.value.address}`])
  },
})
