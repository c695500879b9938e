/**
 * One sequence of nonces: an account on a chain, under one nonce key. Key `0n` is the protocol
 * nonce (`eth_getTransactionCount`); other keys serve chains with keyed ("2D") nonces, where each
 * key is an independent sequence.
 *
 * @example
 * const lane: NonceLane = { chainId: 31337, address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", nonceKey: 0n }
 */
export type NonceLane = {
  readonly chainId: number
  readonly address: string
  readonly nonceKey: bigint
}

/**
 * The map key of a lane. Addresses are compared case-insensitively, so a checksummed and a
 * lower-case spelling of one account share a lane.
 *
 * @example
 * getLaneKey({ chainId: 1, address: "0xAbC…", nonceKey: 0n }) // "1:0xabc…:0"
 */
export function getLaneKey(lane: NonceLane): string {
  return `${lane.chainId}:${lane.address.toLowerCase()}:${lane.nonceKey}`
}
