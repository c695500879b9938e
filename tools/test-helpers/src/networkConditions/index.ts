export type { CallFault, NetworkConditions, OutageWindow } from "./conditions.js"
export { createInjectionCounters, type InjectionCounters } from "./injectionCounters.js"
export { type JsonRpcAnswer, type JsonRpcCall, sendRawTransactionMethods } from "./jsonRpcMessages.js"
export {
  type NetworkConditionsProxy,
  type NetworkConditionsProxyOptions,
  startNetworkConditionsProxy,
} from "./networkConditionsProxy.js"
export {
  getNetworkProfile,
  type NetworkProfile,
  type NetworkProfileName,
  networkProfiles,
} from "./profiles.js"
export { createSeededRandom, type SeededRandom } from "./seededRandom.js"
export { type SenderDecoder, senderOfRawTransaction } from "./senderOfRawTransaction.js"
