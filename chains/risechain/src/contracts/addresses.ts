/**
 * Well-known contract addresses the RISE catalog uses when the chain has them.
 */

/**
 * Canonical cross-chain deployments: the deterministic CREATE2 deployer (present on plain anvil)
 * and Multicall3 (absent on plain anvil 1.7.1; the batch task falls back to MultiSend there).
 *
 * @example
 * const code = await context.rpc.request<string>("eth_getCode", [riseAddresses.multicall3, "latest"])
 */
export const riseAddresses = Object.freeze({
  /** Arachnid's deterministic deployer: calldata = salt (32 bytes) ‖ init code, returns the address. */
  create2Deployer: "0x4e59b44847b379578588920ca78fbf26c0b4956c",
  /** Multicall3 (`aggregate3`). */
  multicall3: "0xcA11bde05977b3631167028862bE2a173976CA11",
})
