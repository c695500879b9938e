// Public exports of the devnet folder (named exports only).
export {
  DevnetBinaryNotFoundError,
  type DevnetBinaryNotFoundErrorType,
  type DevnetErrorType,
  DevnetFailedToStartError,
  type DevnetFailedToStartErrorType,
  DevnetNotReadyError,
  type DevnetNotReadyErrorType,
  DevnetPortInUseError,
  type DevnetPortInUseErrorType,
} from "../errors/devnet.js"
export { buildAnvilArguments } from "./buildAnvilArguments.js"
export { anvilDefaultMnemonic, type DevAccount, getDevAccounts } from "./devAccounts.js"
export { type DevnetOptions, type ResolvedDevnetOptions, resolveDevnetOptions } from "./devnetOptions.js"
export { findFreePort } from "./findFreePort.js"
export { getRunningDevnetPids, stopAllDevnets } from "./processRegistry.js"
export { type AnvilCommand, resolveAnvilBinary } from "./resolveAnvilBinary.js"
export { type Devnet, startDevnet } from "./startDevnet.js"
