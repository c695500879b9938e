// The "faucet" category: the testnet faucet RPC, or a wallet-funded drip where there is none.
import type { AnyTaskDefinition } from "@testnet/core"
import { faucetSupport, requestFaucet } from "./faucetSupport.js"
import { faucetFundAddress } from "./fundAddress.js"

export { faucetFundAddress, faucetSupport, requestFaucet }

/**
 * The faucet tasks, in catalog order.
 *
 * @example
 * faucetTasks.map((task) => task.name)
 */
export const faucetTasks: readonly AnyTaskDefinition[] = [faucetFundAddress]
