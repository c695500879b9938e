// Test support only (not exported): core's single-task runner (runLoad with a one-task catalog,
// count 1) on the RISE devnet recipe, wallets funded with 10 ETH each up front.
import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { risechain } from "../chain.js"

/**
 * Starts plain anvil (chain id 11155931, 1 s blocks) and funds `wallets` throw-away keys with
 * 10 ETH each through the chain's funding hook, so the task runs skip funding.
 *
 * @example
 * const runner = await startRiseTaskRunner(12)
 * const { result, report } = await runner.run(deployCounter)
 */
export function startRiseTaskRunner(wallets: number): Promise<TaskRunner> {
  return startTaskRunner({ chain: risechain, wallets, fundingTarget: 10n * 10n ** 18n })
}
