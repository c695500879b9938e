import { describe, expect, it } from "vitest"
import * as barrel from "./index.js"

describe("rpc barrel", () => {
  it("exports these runtime names", () => {
    expect(Object.keys(barrel).sort()).toMatchInlineSnapshot(`
      [
        "RpcAlreadyKnownError",
        "RpcConnectionRefusedError",
        "RpcExecutionRevertedError",
        "RpcHttpStatusError",
        "RpcInsufficientFundsError",
        "RpcIntrinsicGasTooLowError",
        "RpcInvalidResponseError",
        "RpcMethodNotFoundError",
        "RpcNodeError",
        "RpcNonceTooHighError",
        "RpcNonceTooLowError",
        "RpcRateLimitedError",
        "RpcReplacementUnderpricedError",
        "RpcTimeoutError",
        "RpcUnsupportedTransportError",
        "backoffDelayMs",
        "classifyRpcError",
        "createBatchingQueue",
        "createEndpointHealth",
        "createRateLimiter",
        "createRpcClient",
        "createWebSocketConnection",
        "decodeRevertData",
        "defaultBackoffPolicy",
        "isAcceptedSend",
        "isJsonRpcErrorObject",
        "isRetryableRpcError",
        "parseRetryAfter",
        "postJsonRpc",
        "prepareEndpoint",
        "retryDelayMs",
      ]
    `)
  })
})
