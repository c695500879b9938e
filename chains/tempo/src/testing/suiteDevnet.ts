// Test support only (not exported): one embedded Tempo devnet per test suite.
import type { Devnet } from "@testnet/core/testing"
import { afterAll, beforeAll } from "vitest"
import { startTempoTestDevnet } from "./devnet.js"
import { generousMaxFeePerGas } from "./rpc.js"

/**
 * Starts the Tempo devnet before the enclosing suite's tests and stops it after them. The handle's
 * fields are read inside tests (they are set once `beforeAll` ran).
 *
 * @example
 * const anvil = tempoDevnetForSuite()
 * it("mines", async () => { await rpc(anvil.rpcUrl, "eth_blockNumber", []) })
 */
export function tempoDevnetForSuite(): { readonly rpcUrl: string; readonly maxFeePerGas: bigint } {
  let devnet: Devnet | undefined
  let maxFeePerGas: bigint | undefined
  beforeAll(async () => {
    devnet = await startTempoTestDevnet()
    maxFeePerGas = await generousMaxFeePerGas(devnet.rpcUrl)
  })
  afterAll(async () => {
    await devnet?.stop()
  })
  return {
    get rpcUrl() {
      if (devnet === undefined)
        throw new Error("the suite's devnet is not started yet (read it inside a test)")
      return devnet.rpcUrl
    },
    get maxFeePerGas() {
      if (maxFeePerGas === undefined)
        throw new Error("the suite's devnet is not started yet (read it inside a test)")
      return maxFeePerGas
    },
  }
}
