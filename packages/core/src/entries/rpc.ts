/**
 * @testnet/core/rpc — the JSON-RPC client and transports, RPC error classification, rate limits,
 * retries, and the outbound proxy pool they route through.
 */
export * from "../proxy/index.js"
export * from "../rpc/index.js"
