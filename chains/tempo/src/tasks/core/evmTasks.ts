import { createEvmTasks } from "@testnet/evm"
import { tempoEvmGasLimits } from "../shared/gasLimits.js"

/**
 * The generic EVM tasks with Tempo's TIP-1000 gas limits, its weights, and at most 3 slots per
 * storage write (a new slot costs 250k gas).
 *
 * @example
 * const { deployCounter, incrementCounter } = tempoEvmTasks
 */
export const tempoEvmTasks = createEvmTasks({
  gasLimits: tempoEvmGasLimits,
  weights: {
    deployCounter: 1,
    incrementCounter: 3,
    create2Deploy: 1,
    storageWrite: 2,
    emitEvents: 2,
    revertingCall: 1,
  },
  storageWriteMaxSlots: 3,
})
