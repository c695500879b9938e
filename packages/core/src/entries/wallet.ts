/**
 * @testnet/core/wallet — wallet sources (keys, mnemonics, keystores), the wallet pool, keystore
 * tooling and the fast signing backends.
 */
export * from "../signing/index.js"
export * from "../wallet/index.js"
