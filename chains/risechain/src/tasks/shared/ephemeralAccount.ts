import { hexlify, randomBytes, Wallet } from "ethers"

/**
 * A throw-away account that lives only inside one task execution (key from the OS RNG, never
 * stored, logged or recorded). Tasks use it where the leased wallet must not sign itself: an
 * EIP-7702 authority (a self-authorization would consume a second nonce behind the nonce
 * manager's back) or a sender that bypasses the pipeline (eth_sendRawTransactionSync).
 *
 * @example
 * const authority = createEphemeralAccount()
 * const authorization = authority.authorizeSync({ address: counter, nonce: 0n, chainId: 11155931n })
 */
export function createEphemeralAccount(): Wallet {
  return new Wallet(hexlify(randomBytes(32)))
}
