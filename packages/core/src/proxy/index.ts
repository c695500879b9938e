// Public exports of the proxy folder (named exports only).
export {
  ProxyAllBannedError,
  type ProxyAllBannedErrorType,
  ProxyAuthFailedError,
  type ProxyAuthFailedErrorType,
  ProxyBannedError,
  type ProxyBannedErrorType,
  type ProxyErrorType,
  ProxyInvalidUrlError,
  type ProxyInvalidUrlErrorType,
  ProxyListFileError,
  type ProxyListFileErrorType,
  ProxyUnreachableError,
  type ProxyUnreachableErrorType,
} from "../errors/proxy.js"
export { getDispatcherProxy, labelDispatcher } from "../rpc/dispatcherLabel.js"
export { detectProxyFailure } from "../rpc/proxyFailure.js"
export { createProxyDispatcher, type ProxyDispatcherOptions } from "./proxyDispatcher.js"
export {
  checkProxy,
  mapWithConcurrency,
  type ProxyCheckResult,
  type ProxyCheckTarget,
} from "./proxyHealth.js"
export {
  loadProxyList,
  type ProxyEndpoint,
  type ProxyProtocol,
  type ProxySource,
  parseProxyList,
  parseProxyUrl,
} from "./proxyList.js"
export {
  createProxyManager,
  type ProxyAssignment,
  type ProxyDiagnostic,
  type ProxyManager,
  type ProxyManagerOptions,
} from "./proxyManager.js"
export { type DispatcherObserver, observeDispatcher } from "./proxyObserver.js"
