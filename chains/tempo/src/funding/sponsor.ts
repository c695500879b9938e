import { randomBytes } from "node:crypto"
import type { TaskSigner } from "@testnet/core"
import { createFastWallet } from "@testnet/core/wallet"
import { concat, keccak256, toUtf8Bytes } from "ethers"
import type { SignDigest } from "../transaction/types.js"

/**
 * The domain string of the sponsor derivation: changing it moves every sponsor to a new address.
 *
 * @example
 * keccak256(toUtf8Bytes(tempoSponsorDomain))
 */
export const tempoSponsorDomain = "testnet-framework/tempo/fee-sponsor/v1"

/**
 * The sponsor's private key, derived from the funder: keccak256(domain ‖ the funder's signature over
 * keccak256(domain)). secp256k1 signatures here are deterministic (RFC 6979), so the same funder
 * always gets the same sponsor — stable across runs, never stored — and nobody without the funder's
 * key can compute it.
 *
 * @example
 * const key = deriveTempoSponsorKey(funder)
 * createTempoSponsor(key).address // the same on every run with this funder
 */
export function deriveTempoSponsorKey(funder: Pick<TaskSigner, "signDigest">): string {
  const domain = toUtf8Bytes(tempoSponsorDomain)
  const signature = funder.signDigest(keccak256(domain))
  return keccak256(concat([domain, signature.serialized]))
}

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
 * tasks the funder's signer, so sponsored transactions use this account as fee payer. The chain
 * derives it from the funder (`deriveTempoSponsorKey`, through `serviceWallets`) so the runner funds
 * and reclaims it like a wallet; a random sponsor lives only as long as the process.
 *
 * @example
 * const sponsor = createTempoSponsor() // random, in memory only
 * console.log(`${sponsor}`) // "TempoSponsor(0x…)" — never the key
 */
export function createTempoSponsor(privateKey?: string): TempoSponsor {
  // Native signing (core's fast wallet): the sponsor co-signs every sponsored transaction, and
  // ethers' JavaScript secp256k1 made that ~2 % of the main job's CPU.
  const key = createFastWallet(privateKey ?? `0x${randomBytes(32).toString("hex")}`).unwrap()
  const address = key.address
  return Object.freeze({
    address,
    signDigest: key.signDigest,
    toString: () => `TempoSponsor(${address})`,
    toJSON: () => ({ address }),
  })
}

/**
 * The process-wide sponsor slot: see {@link createLazySponsor}.
 *
 * @example
 * const slot: LazySponsor = createLazySponsor()
 */
export type LazySponsor = {
  /** The bound sponsor, else one created on first use (from the given key, or random). */
  get(): TempoSponsor
  /** Binds the sponsor to this key (the chain's `serviceWallets` does, with the derived key). */
  bind(privateKey: string): TempoSponsor
}

/**
 * A sponsor created on first use (creating a key at import time would be a side effect), unless
 * one is bound first. Without a binding the sponsor is random per process — what the runner's
 * derivation from the funder replaces.
 *
 * @example
 * const lazy = createLazySponsor()
 * lazy.bind(deriveTempoSponsorKey(funder))
 * lazy.get().address // the derived account
 */
export function createLazySponsor(privateKey?: string): LazySponsor {
  let sponsor: TempoSponsor | undefined
  return {
    get() {
      sponsor ??= createTempoSponsor(privateKey)
      return sponsor
    },
    bind(key) {
      sponsor = createTempoSponsor(key)
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
