import { computeAddress, randomBytes, SigningKey } from "ethers"
import type { SignDigest } from "../transaction/types.js"

/**
 * The fee payer of sponsored transactions: an address and a digest signer (the key stays inside).
 *
 * @example
 * const sponsor = createTempoSponsor()
 * const feePayerSignature = signTempoFeePayer(fields, sender, sponsor.signDigest)
 */
export type TempoSponsor = {
  readonly address: string
  readonly signDigest: SignDigest
  toString(): string
  toJSON(): { address: string }
}

/**
 * Creates a sponsor account from a private key, or a fresh random one. The runner does not hand
 * tasks the funder's signer, so sponsored transactions use this account as fee payer; the TIP-20
 * funding hook tops it up from the funder together with the worker wallets. A random sponsor lives
 * only as long as the process (what is left on it is not reclaimed).
 *
 * @example
 * const sponsor = createTempoSponsor() // random, in memory only
 * console.log(`${sponsor}`) // "TempoSponsor(0x…)" — never the key
 */
export function createTempoSponsor(privateKey?: string): TempoSponsor {
  const key = new SigningKey(privateKey ?? randomBytes(32))
  const address = computeAddress(key.publicKey)
  return Object.freeze({
    address,
    signDigest: (digest: string) => key.sign(digest),
    toString: () => `TempoSponsor(${address})`,
    toJSON: () => ({ address }),
  })
}

/**
 * A sponsor created on first use (creating a key at import time would be a side effect).
 *
 * @example
 * const lazy = createLazySponsor()
 * lazy.get().address // the same account for the whole process
 */
export function createLazySponsor(privateKey?: string): { get(): TempoSponsor } {
  let sponsor: TempoSponsor | undefined
  return {
    get() {
      sponsor ??= createTempoSponsor(privateKey)
      return sponsor
    },
  }
}

/**
 * The process-wide sponsor shared by the default TIP-20 funding hook (which funds it) and the
 * `sponsored_transaction` task (which uses it as fee payer).
 *
 * @example
 * const sponsor = tempoSponsor.get()
 */
export const tempoSponsor = createLazySponsor()
