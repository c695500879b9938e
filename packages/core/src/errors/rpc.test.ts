import { describe, expect, it } from "vitest"
import { classifyRpcError, isAcceptedSend, isRetryableRpcError } from "../rpc/classify.js"
import {
  RpcAlreadyKnownError,
  RpcConnectionRefusedError,
  RpcExecutionRevertedError,
  RpcHttpStatusError,
  RpcInsufficientFundsError,
  RpcIntrinsicGasTooLowError,
  RpcInvalidResponseError,
  RpcMethodNotFoundError,
  RpcNodeError,
  RpcNonceTooHighError,
  RpcNonceTooLowError,
  RpcRateLimitedError,
  RpcReplacementUnderpricedError,
  RpcTimeoutError,
  RpcUnsupportedTransportError,
} from "./rpc.js"

const endpoint = "https://user:hunter2@rpc.example.org/v3/0123456789abcdef0123456789abcdef"
const send = { method: "eth_sendRawTransaction", endpoint }

describe("rpc error messages", () => {
  it("renders every class without secrets", () => {
    const errors = [
      new RpcTimeoutError({ ...send, timeoutMs: 5000 }),
      new RpcTimeoutError({ ...send, aborted: true }),
      new RpcRateLimitedError({ endpoint, retryAfterMs: 1500 }),
      new RpcConnectionRefusedError({ endpoint, reason: "refused" }),
      new RpcConnectionRefusedError({ endpoint, reason: "proxy" }),
      new RpcHttpStatusError({ endpoint, status: 502, body: "<html>Bad Gateway</html>" }),
      new RpcInvalidResponseError({ endpoint, reason: "body is not JSON" }),
      new RpcNonceTooLowError({ ...send, nodeCode: -32003, nodeMessage: "nonce too low" }),
      new RpcNonceTooHighError({ ...send, nodeCode: -32000, nodeMessage: "nonce too high" }),
      new RpcReplacementUnderpricedError({ ...send, nodeMessage: "replacement transaction underpriced" }),
      new RpcAlreadyKnownError({ ...send, nodeMessage: "already known" }),
      new RpcInsufficientFundsError({ ...send, nodeMessage: "insufficient funds for gas * price + value" }),
      new RpcIntrinsicGasTooLowError({ ...send, nodeMessage: "intrinsic gas too low" }),
      new RpcExecutionRevertedError({
        method: "eth_call",
        nodeCode: 3,
        nodeMessage: "execution reverted: boom",
        reason: { kind: "error", message: "boom" },
      }),
      new RpcExecutionRevertedError({
        method: "eth_call",
        nodeCode: 3,
        nodeMessage: "execution reverted",
        reason: { kind: "panic", code: 17n, description: "arithmetic overflow or underflow" },
      }),
      new RpcExecutionRevertedError({
        method: "eth_estimateGas",
        nodeCode: 3,
        nodeMessage: "execution reverted",
        reason: { kind: "custom", selector: "0x82b42900", data: "0x82b42900" },
      }),
      new RpcExecutionRevertedError({ nodeMessage: "execution reverted", reason: { kind: "empty" } }),
      new RpcMethodNotFoundError({ method: "eth_foo", nodeCode: -32601, nodeMessage: "Method not found" }),
      new RpcNodeError({ method: "eth_getBalance", nodeCode: -32602, nodeMessage: "invalid string length" }),
      new RpcUnsupportedTransportError({ endpoint: "ftp://user:pw@rpc.example.org/rpc" }),
    ]
    for (const error of errors) {
      expect(error.message).not.toContain("hunter2")
      expect(error.message).not.toContain("0123456789abcdef0123456789abcdef")
    }
    expect(
      errors.map((error) => `${error.name} ${error.code}\n${error.message}`).join("\n---\n"),
    ).toMatchInlineSnapshot(`
      "RpcTimeoutError RPC_TIMEOUT
      RPC request timed out after 5000 ms (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      The endpoint may be overloaded; raise rpc.timeout_ms (--rpc-timeout, TESTNET_RPC_TIMEOUT_MS) or add endpoints.
      ---
      RpcTimeoutError RPC_TIMEOUT
      RPC request was aborted by the caller (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).
      ---
      RpcRateLimitedError RPC_RATE_LIMITED
      RPC endpoint rate-limited the request; retry after 1500 ms (at https://***:***@rpc.example.org/v3/***).

      Lower requestsPerSecond for this endpoint, or add endpoints.
      ---
      RpcConnectionRefusedError RPC_CONNECTION_REFUSED
      Could not reach the RPC endpoint: connection refused (at https://***:***@rpc.example.org/v3/***).

      Is the node running?
      ---
      RpcConnectionRefusedError RPC_CONNECTION_REFUSED
      Could not reach the RPC endpoint: the proxy failed (at https://***:***@rpc.example.org/v3/***).

      Check the proxy with \`proxies check\`.
      ---
      RpcHttpStatusError RPC_HTTP_STATUS
      RPC endpoint answered HTTP 502 (at https://***:***@rpc.example.org/v3/***).

      Details: body: <html>Bad Gateway</html>
      ---
      RpcInvalidResponseError RPC_INVALID_RESPONSE
      RPC endpoint sent an invalid response: body is not JSON (at https://***:***@rpc.example.org/v3/***).
      ---
      RpcNonceTooLowError RPC_NONCE_TOO_LOW
      Transaction nonce is too low (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      Resynchronise the nonce from the chain (eth_getTransactionCount pending).

      Details: node said [-32003]: nonce too low
      ---
      RpcNonceTooHighError RPC_NONCE_TOO_HIGH
      Transaction nonce is too high (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      A lower nonce is missing; fill the gap or resynchronise.

      Details: node said [-32000]: nonce too high
      ---
      RpcReplacementUnderpricedError RPC_REPLACEMENT_UNDERPRICED
      Replacement transaction is underpriced (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      Bump both maxFeePerGas and maxPriorityFeePerGas by at least 10%.

      Details: node said: replacement transaction underpriced
      ---
      RpcAlreadyKnownError RPC_ALREADY_KNOWN
      Transaction is already known to the node (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      Details: node said: already known
      ---
      RpcInsufficientFundsError RPC_INSUFFICIENT_FUNDS
      Sender has insufficient funds for gas * price + value (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      Fund the wallet (the \`fund\` command) or lower the fee caps.

      Details: node said: insufficient funds for gas * price + value
      ---
      RpcIntrinsicGasTooLowError RPC_INTRINSIC_GAS_TOO_LOW
      Gas limit is below the intrinsic gas of the transaction (eth_sendRawTransaction at https://***:***@rpc.example.org/v3/***).

      Estimate gas (eth_estimateGas) and add headroom.

      Details: node said: intrinsic gas too low
      ---
      RpcExecutionRevertedError RPC_EXECUTION_REVERTED
      Execution reverted: boom (eth_call).

      Details: node said [3]: execution reverted: boom
      ---
      RpcExecutionRevertedError RPC_EXECUTION_REVERTED
      Execution reverted with panic 0x11 (arithmetic overflow or underflow) (eth_call).

      Details: node said [3]: execution reverted
      ---
      RpcExecutionRevertedError RPC_EXECUTION_REVERTED
      Execution reverted with custom error 0x82b42900 (eth_estimateGas).

      Details: node said [3]: execution reverted
      ---
      RpcExecutionRevertedError RPC_EXECUTION_REVERTED
      Execution reverted without a reason.

      Details: node said: execution reverted
      ---
      RpcMethodNotFoundError RPC_METHOD_NOT_FOUND
      The node does not support this RPC method (eth_foo).

      Check the chain's capabilities (e.g. sendRawTransactionSync).

      Details: node said [-32601]: Method not found
      ---
      RpcNodeError RPC_NODE_ERROR
      The node rejected the request (eth_getBalance).

      Details: node said [-32602]: invalid string length
      ---
      RpcUnsupportedTransportError RPC_UNSUPPORTED_TRANSPORT
      No transport for this RPC endpoint's scheme (at ftp://***:***@rpc.example.org/rpc).

      Use an http://, https://, ws:// or wss:// endpoint."
    `)
  })
})

/** Real messages: anvil 1.7.1 (observed in this repo), geth and reth (from their sources). */
const nodeMessages: [string, { code: number; message: string; data?: unknown }, string][] = [
  ["anvil", { code: -32003, message: "nonce too low" }, "RPC_NONCE_TOO_LOW"],
  ["anvil", { code: -32003, message: "transaction already imported" }, "RPC_ALREADY_KNOWN"],
  ["anvil", { code: -32003, message: "replacement transaction underpriced" }, "RPC_REPLACEMENT_UNDERPRICED"],
  [
    "anvil",
    { code: -32003, message: "Insufficient funds for gas * price + value" },
    "RPC_INSUFFICIENT_FUNDS",
  ],
  ["anvil", { code: -32000, message: "intrinsic gas too low" }, "RPC_INTRINSIC_GAS_TOO_LOW"],
  ["anvil", { code: -32601, message: "Method not found" }, "RPC_METHOD_NOT_FOUND"],
  ["anvil", { code: 3, message: "execution reverted", data: "0x" }, "RPC_EXECUTION_REVERTED"],
  ["anvil", { code: -32602, message: "Failed to decode transaction" }, "RPC_NODE_ERROR"],
  ["anvil", { code: -32003, message: "max fee per gas less than block base fee" }, "RPC_NODE_ERROR"],
  [
    "anvil tempo",
    { code: -32003, message: "insufficient fee token balance: have 0, need 231" },
    "RPC_INSUFFICIENT_FUNDS",
  ],
  [
    "geth",
    {
      code: -32000,
      message: "nonce too low: address 0x70997970C51812dc3A010C7d01b50e0d17dc79C8, tx: 0 state: 4",
    },
    "RPC_NONCE_TOO_LOW",
  ],
  [
    "geth",
    {
      code: -32000,
      message: "nonce too high: address 0x70997970C51812dc3A010C7d01b50e0d17dc79C8, tx: 9 state: 4",
    },
    "RPC_NONCE_TOO_HIGH",
  ],
  ["geth", { code: -32000, message: "already known" }, "RPC_ALREADY_KNOWN"],
  ["geth", { code: -32000, message: "replacement transaction underpriced" }, "RPC_REPLACEMENT_UNDERPRICED"],
  [
    "geth",
    {
      code: -32000,
      message:
        "insufficient funds for gas * price + value: address 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 have 0 want 21000000000000",
    },
    "RPC_INSUFFICIENT_FUNDS",
  ],
  [
    "geth",
    { code: -32000, message: "intrinsic gas too low: gas 20000, minimum needed 21000" },
    "RPC_INTRINSIC_GAS_TOO_LOW",
  ],
  [
    "geth",
    { code: -32601, message: "the method eth_foo does not exist/is not available" },
    "RPC_METHOD_NOT_FOUND",
  ],
  ["geth", { code: -32005, message: "limit exceeded" }, "RPC_RATE_LIMITED"],
  ["geth", { code: -32000, message: "transaction underpriced" }, "RPC_NODE_ERROR"],
  ["reth", { code: -32003, message: "nonce too low: next nonce 4, tx nonce 0" }, "RPC_NONCE_TOO_LOW"],
  ["reth", { code: -32003, message: "nonce too high" }, "RPC_NONCE_TOO_HIGH"],
  ["reth", { code: -32000, message: "already known" }, "RPC_ALREADY_KNOWN"],
  [
    "reth",
    { code: -32003, message: "insufficient funds for gas * price + value: have 0 want 21000" },
    "RPC_INSUFFICIENT_FUNDS",
  ],
  ["reth", { code: -32003, message: "intrinsic gas too low" }, "RPC_INTRINSIC_GAS_TOO_LOW"],
  ["nethermind", { code: -32010, message: "OldNonce" }, "RPC_NONCE_TOO_LOW"],
  [
    "provider",
    { code: 429, message: "Your app has exceeded its compute units per second capacity" },
    "RPC_RATE_LIMITED",
  ],
]

describe("classifyRpcError on real node messages", () => {
  it.each(nodeMessages)("%s: %j", (_node, error, code) => {
    const classified = classifyRpcError(error, { method: "eth_sendRawTransaction", endpoint })
    expect(classified.code).toBe(code)
    expect(classified.cause).toBe(error)
    expect(classified.message).toContain(error.message)
  })

  it("decodes Error(string) revert data as anvil sends it", () => {
    const data =
      "0x08c379a0" +
      "0000000000000000000000000000000000000000000000000000000000000020" +
      "0000000000000000000000000000000000000000000000000000000000000004" +
      "626f6f6d00000000000000000000000000000000000000000000000000000000"
    const error = classifyRpcError(
      { code: 3, message: "execution reverted: boom", data },
      { method: "eth_call" },
    )
    expect(error).toBeInstanceOf(RpcExecutionRevertedError)
    expect((error as RpcExecutionRevertedError).reason).toEqual({ kind: "error", message: "boom" })
    expect((error as RpcExecutionRevertedError).data).toBe(data)
  })

  it("decodes Panic(uint256) and custom selectors, also from nested data", () => {
    const panic = classifyRpcError({
      code: -32000,
      message: "execution reverted",
      data: { data: "0x4e487b710000000000000000000000000000000000000000000000000000000000000012" },
    }) as RpcExecutionRevertedError
    expect(panic.reason).toEqual({ kind: "panic", code: 18n, description: "division or modulo by zero" })
    const custom = classifyRpcError({ code: 3, message: "execution reverted", data: "0x82b42900" })
    expect(custom.shortMessage).toBe("Execution reverted with custom error 0x82b42900.")
  })

  it("falls back to the reason inside the message when there is no data", () => {
    const error = classifyRpcError({
      code: -32000,
      message: "execution reverted: Ownable: caller is not the owner",
    })
    expect(error.shortMessage).toBe("Execution reverted: Ownable: caller is not the owner.")
  })

  it("classifies thrown transport errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })
    expect(classifyRpcError(refused, { endpoint }).code).toBe("RPC_CONNECTION_REFUSED")
    const reset = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" })
    expect((classifyRpcError(reset) as RpcConnectionRefusedError).reason).toBe("reset")
    const headers = Object.assign(new Error("Headers Timeout Error"), { code: "UND_ERR_HEADERS_TIMEOUT" })
    expect(classifyRpcError(headers).code).toBe("RPC_TIMEOUT")
    const wrapped = new TypeError("fetch failed", { cause: refused })
    expect(classifyRpcError(wrapped).code).toBe("RPC_CONNECTION_REFUSED")
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError")
    expect(classifyRpcError(timeout).code).toBe("RPC_TIMEOUT")
  })

  it("attributes failures to the proxy when one was used", () => {
    const socks = Object.assign(new Error("Socks5 Authentication failed"), { name: "SocksClientError" })
    const error = classifyRpcError(socks, { endpoint, proxy: "socks5://user:secret@127.0.0.1:1080" })
    expect(error.code).toBe("RPC_CONNECTION_REFUSED")
    expect((error.cause as { code: string }).code).toBe("PROXY_AUTH_FAILED")
    expect(error.message).not.toContain("secret")
  })

  it("returns already classified errors unchanged", () => {
    const error = new RpcNonceTooLowError({ nodeMessage: "nonce too low" })
    expect(classifyRpcError(error)).toBe(error)
  })
})

describe("retry and acceptance policy", () => {
  it("retries transport failures but not node verdicts", () => {
    expect(isRetryableRpcError(new RpcTimeoutError({}) as never)).toBe(true)
    expect(isRetryableRpcError(new RpcTimeoutError({ aborted: true }) as never)).toBe(false)
    expect(isRetryableRpcError(new RpcHttpStatusError({ status: 503 }) as never)).toBe(true)
    expect(isRetryableRpcError(new RpcHttpStatusError({ status: 401 }) as never)).toBe(false)
    expect(isRetryableRpcError(new RpcNonceTooLowError({ nodeMessage: "nonce too low" }) as never)).toBe(
      false,
    )
    expect(isRetryableRpcError(new RpcRateLimitedError({}) as never)).toBe(true)
  })

  it("never re-sends a non-idempotent method after it may have reached the node", () => {
    expect(isRetryableRpcError(new RpcTimeoutError({}) as never, "eth_sendTransaction")).toBe(false)
    expect(isRetryableRpcError(new RpcConnectionRefusedError({ reason: "reset" }) as never, "evm_mine")).toBe(
      false,
    )
    expect(
      isRetryableRpcError(new RpcConnectionRefusedError({ reason: "refused" }) as never, "evm_mine"),
    ).toBe(true)
    expect(isRetryableRpcError(new RpcTimeoutError({}) as never, "eth_sendRawTransaction")).toBe(true)
  })

  it("treats already known as an accepted send", () => {
    expect(isAcceptedSend(classifyRpcError({ code: -32003, message: "transaction already imported" }))).toBe(
      true,
    )
    expect(isAcceptedSend(classifyRpcError({ code: -32003, message: "nonce too low" }))).toBe(false)
    expect(isAcceptedSend(new Error("already known"))).toBe(false)
  })
})
