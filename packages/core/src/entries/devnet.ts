/**
 * @testnet/core/devnet — the embedded anvil devnet: start, stop, options, dev accounts and binary
 * resolution.
 */
export * from "../devnet/index.js"
