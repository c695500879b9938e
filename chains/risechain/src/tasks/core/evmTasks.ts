import { createEvmTasks } from "@testnet/evm"

/**
 * The generic EVM tasks with standard gas pricing (RISE runs op-reth) and the default weights.
 *
 * @example
 * const { selfTransfer, deployCounter } = riseEvmTasks
 */
export const riseEvmTasks = createEvmTasks()
