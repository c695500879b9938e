import {
  type BaseError,
  defineTask,
  type Result,
  sendAndConfirm,
  succeeded,
  taskFailure,
  waitForForeignReceipts,
} from "@testnet/core"
import { toQuantity } from "ethers"
import { riseGasLimits } from "../shared/gasLimits.js"

/** What one claim pays out on the devnet (0.01 ETH). */
const claimAmount = 10n ** 16n

/**
 * Claims ETH from a faucet. The devnet's faucet is anvil's last unlocked dev account
 * (`eth_sendTransaction`, anvil assigns its nonces, so concurrent claims never collide with the
 * run's funder, dev account 0). RISE's public faucet is a web page without an API and the runner
 * does not expose its funder to tasks, so elsewhere the claim degrades to the wallet's own
 * self-transfer and says so in its note.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "faucet_claim")
 */
export const faucetClaim = defineTask({
  name: "faucet_claim",
  weight: 1,
  description: "Claims 0.01 ETH from the devnet faucet (an unlocked dev account); a self-transfer elsewhere.",
  async run(context) {
    const accounts = await context.rpc.request<string[]>("eth_accounts", [], { signal: context.signal })
    // Dev account 0 is the run's funder (signed locally); the others are the faucet.
    const faucets = accounts.isOk() ? accounts.value.slice(1) : []
    if (faucets.length === 0) {
      const done = await sendAndConfirm(context, {
        to: context.address,
        value: 0n,
        gasLimit: riseGasLimits.transfer,
      })
      if (done.isErr()) return done
      return succeeded([done.value.sent], ["no faucet account on this node: self-transfer instead"])
    }
    // anvil hands concurrent eth_sendTransaction calls of one account the same nonce: each worker
    // uses its own faucet account, and a collision (more workers than accounts) is retried.
    let faucet = ""
    let hash: Result<string, BaseError> | undefined
    for (let attempt = 0; attempt < 3; attempt++) {
      faucet = faucets[(context.worker + attempt) % faucets.length] ?? ""
      hash = await context.rpc.request<string>(
        "eth_sendTransaction",
        [{ from: faucet, to: context.address, value: toQuantity(claimAmount) }],
        { signal: context.signal },
      )
      if (hash.isOk()) break
    }
    if (hash === undefined || hash.isErr()) return hash ?? taskFailure(context, "no faucet attempt")
    // Fails unless the faucet's transfer was mined with status 1.
    const mined = await waitForForeignReceipts(context, [hash.value])
    if (mined.isErr()) return mined
    return succeeded([], [`claimed ${claimAmount} wei from ${faucet} in ${hash.value}`])
  },
})
