// Test support only (not exported): the embedded Tempo devnet through core's startDevnet.
import { type Devnet, getDevnetOptions, startDevnet } from "@testnet/core/testing"
import { tempo } from "../chain.js"

/**
 * Starts `anvil --network tempo --hardfork T4` (chain id 42431, 1 s blocks) as the chain's devnet
 * recipe says, on a free loopback port. Stop it with `devnet.stop()` in `afterAll`.
 *
 * @example
 * const devnet = await startTempoTestDevnet()
 * try { … } finally { await devnet.stop() }
 */
export async function startTempoTestDevnet(): Promise<Devnet> {
  const started = await startDevnet(getDevnetOptions(tempo))
  if (started.isErr()) throw started.error
  return started.value
}
