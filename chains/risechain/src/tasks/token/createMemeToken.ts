import { defineTask, succeeded } from "@testnet/core"
import { createMemeToken as deployMemeToken } from "../shared/memeToken.js"

/**
 * Creates a meme ERC-20 (`MemeToken`, one billion tokens minted to the wallet) and records it as
 * asset kind "meme_token".
 *
 * @example
 * risechain.tasks.find((task) => task.name === "create_meme_token")
 */
export const createMemeToken = defineTask({
  name: "create_meme_token",
  weight: 2,
  description: "Deploys a meme ERC-20 with the whole supply minted to the wallet.",
  async run(context) {
    const created = await deployMemeToken(context)
    if (created.isErr()) return created
    return succeeded([created.value.creation], [`meme token at ${created.value.address}`])
  },
})
