// Public exports of the rpc folder (named exports only).
export {
  type RevertReason,
  RpcAlreadyKnownError,
  type RpcAlreadyKnownErrorType,
  type RpcConnectionFailure,
  RpcConnectionRefusedError,
  type RpcConnectionRefusedErrorType,
  type RpcErrorCode,
  type RpcErrorContext,
  type RpcErrorType,
  RpcExecutionRevertedError,
  type RpcExecutionRevertedErrorType,
  RpcHttpStatusError,
  type RpcHttpStatusErrorType,
  RpcInsufficientFundsError,
  type RpcInsufficientFundsErrorType,
  RpcIntrinsicGasTooLowError,
  type RpcIntrinsicGasTooLowErrorType,
  RpcInvalidResponseError,
  type RpcInvalidResponseErrorType,
  RpcMethodNotFoundError,
  type RpcMethodNotFoundErrorType,
  RpcNodeError,
  type RpcNodeErrorParameters,
  type RpcNodeErrorType,
  RpcNonceTooHighError,
  type RpcNonceTooHighErrorType,
  RpcNonceTooLowError,
  type RpcNonceTooLowErrorType,
  RpcRateLimitedError,
  type RpcRateLimitedErrorType,
  RpcReplacementUnderpricedError,
  type RpcReplacementUnderpricedErrorType,
  RpcTimeoutError,
  type RpcTimeoutErrorType,
  RpcUnsupportedTransportError,
  type RpcUnsupportedTransportErrorType,
} from "../errors/rpc.js"
export { type BatchingQueue, type BatchingQueueOptions, createBatchingQueue } from "./batchingTransport.js"
export {
  type ClassifyContext,
  classifyRpcError,
  isAcceptedSend,
  isJsonRpcErrorObject,
  isRetryableRpcError,
  type JsonRpcErrorObject,
} from "./classify.js"
export {
  createRpcClient,
  type RpcClient,
  type RpcClientOptions,
  type RpcClientStats,
} from "./client.js"
export {
  createEndpointHealth,
  type EndpointHealth,
  type EndpointHealthOptions,
  type EndpointHealthSnapshot,
} from "./endpointHealth.js"
export {
  type PostJsonRpcParameters,
  type PreparedEndpoint,
  postJsonRpc,
  prepareEndpoint,
} from "./httpTransport.js"
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from "./rateLimiter.js"
export type { RpcPriority, RpcRequester, RpcRequestOptions } from "./requester.js"
export {
  type BackoffPolicy,
  backoffDelayMs,
  defaultBackoffPolicy,
  parseRetryAfter,
  retryDelayMs,
} from "./retry.js"
export { decodeRevertData } from "./revertReason.js"
export {
  createWebSocketConnection,
  type WebSocketConnection,
  type WebSocketSendParameters,
} from "./webSocketTransport.js"
