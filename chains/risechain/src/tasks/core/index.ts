import type { AnyTaskDefinition } from "@testnet/core"
import { burnGas } from "./burnGas.js"
import { checkBalance } from "./checkBalance.js"
import { create2Deploy } from "./create2Deploy.js"
import { deployCounter } from "./deployCounter.js"
import { emitEvents } from "./emitEvents.js"
import { faucetClaim } from "./faucetClaim.js"
import { incrementCounter } from "./incrementCounter.js"
import { revertingCall } from "./revertingCall.js"
import { selfTransfer } from "./selfTransfer.js"
import { storageWrite } from "./storageWrite.js"
import { transferToRandom } from "./transferToRandom.js"

export {
  burnGas,
  checkBalance,
  create2Deploy,
  deployCounter,
  emitEvents,
  faucetClaim,
  incrementCounter,
  revertingCall,
  selfTransfer,
  storageWrite,
  transferToRandom,
}

/**
 * The core tasks: balances, faucet, transfers, deployments and plain contract calls.
 *
 * @example
 * coreTasks.map((task) => task.name)
 */
export const coreTasks: readonly AnyTaskDefinition[] = [
  checkBalance,
  faucetClaim,
  selfTransfer,
  transferToRandom,
  deployCounter,
  incrementCounter,
  create2Deploy,
  storageWrite,
  emitEvents,
  burnGas,
  revertingCall,
]
