/**
 * @testnet/evm — the generic EVM tasks (native transfers, Counter deploys and calls, storage
 * writes, events, CREATE2, an expected revert) for any EVM chain, parameterised by what differs
 * between chains (gas limits, default weights, storage-write size), plus the helpers they share.
 */
export { dynamicFees, highestGasPrice } from "./fees.js"
export { type EvmGasLimits, plainEvmGasLimits } from "./gasLimits.js"
export { create2DeployerAddress, type EvmTaskKey, type EvmTaskOptions } from "./options.js"
export { parseEvents } from "./parseEvents.js"
export { createEvmTasks, type EvmTasks } from "./tasks/createEvmTasks.js"
