/** Shared helpers for integration tests (real anvil, real proxies, real databases on loopback). */
export {
  type FaultStep,
  type FaultyRpcServer,
  type FaultyRpcServerOptions,
  type JsonRpcRequestBody,
  type RecordedRequest,
  startFaultyRpcServer,
} from "./faultyRpcServer.js"
export { getFreePort } from "./freePort.js"
export { type HttpProxyOptions, type HttpProxyServer, startHttpProxy } from "./httpProxyServer.js"
export {
  auditJournal,
  checkJournalRows,
  checkWalletPools,
  createJsonRpcCaller,
  findFirstBlockAtOrAfter,
  findUnjournaledTransactions,
  type Journal,
  type JournalAuditOptions,
  type JournalProblem,
  type JournalRun,
  type JournalTransaction,
  type JsonRpcCaller,
  readJournal,
} from "./journalAudit/index.js"
export { type LaggingPendingFront, startLaggingPendingFront } from "./laggingPendingFront.js"
export { type LoopbackListener, listenOnLoopback, readRequestBody } from "./loopbackListener.js"
export { type MethodFaultProxy, startMethodFaultProxy } from "./methodFaultProxy.js"
export {
  type CallFault,
  createInjectionCounters,
  createSeededRandom,
  getNetworkProfile,
  type InjectionCounters,
  type JsonRpcAnswer,
  type JsonRpcCall,
  type NetworkConditions,
  type NetworkConditionsProxy,
  type NetworkConditionsProxyOptions,
  type NetworkProfile,
  type NetworkProfileName,
  networkProfiles,
  type OutageWindow,
  type SeededRandom,
  type SenderDecoder,
  senderOfRawTransaction,
  sendRawTransactionMethods,
  startNetworkConditionsProxy,
} from "./networkConditions/index.js"
export { type Socks5ProxyOptions, type Socks5ProxyServer, startSocks5Proxy } from "./socks5ProxyServer.js"
