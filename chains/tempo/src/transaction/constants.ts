/**
 * EIP-2718 type byte of a Tempo transaction (the code and anvil use 0x76; an old docs page says 0x54).
 *
 * @example
 * const isTempo = raw.startsWith("0x76")
 */
export const tempoTransactionType = 0x76

/**
 * Domain byte prefixed to the RLP payload the fee payer (sponsor) signs, so a sender signature can
 * never be replayed as a fee-payer signature.
 *
 * @example
 * const preimage = concat([toBeHex(feePayerSignatureMagicByte), payload])
 */
export const feePayerSignatureMagicByte = 0x78

/**
 * The largest nonce key: selects Tempo's expiring nonce (nonce 0 plus a short `validBefore`).
 *
 * @example
 * const fields = { ...base, nonceKey: expiringNonceKey, nonce: 0n, validBefore: now + 20n }
 */
export const expiringNonceKey = (1n << 256n) - 1n
