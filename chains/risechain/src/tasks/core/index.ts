import type { AnyTaskDefinition } from "@testnet/core"
import { burnGas } from "./burnGas.js"
import { checkBalance } from "./checkBalance.js"
import { riseEvmTasks } from "./evmTasks.js"
import { faucetClaim } from "./faucetClaim.js"

const {
  create2Deploy,
  deployCounter,
  emitEvents,
  incrementCounter,
  revertingCall,
  selfTransfer,
  storageWrite,
  transferToRandom,
} = riseEvmTasks

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
