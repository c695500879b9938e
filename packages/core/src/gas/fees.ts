/**
 * EIP-1559 fee fields, per gas, in wei.
 *
 * @example
 * const fees: Eip1559Fees = { maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n }
 */
export type Eip1559Fees = { readonly maxFeePerGas: bigint; readonly maxPriorityFeePerGas: bigint }

/**
 * Legacy fee field, per gas, in wei (chains without EIP-1559).
 *
 * @example
 * const fees: LegacyFees = { gasPrice: 1_000_000_000n }
 */
export type LegacyFees = { readonly gasPrice: bigint }

/**
 * The fee fields a transaction carries: EIP-1559 or legacy.
 *
 * @example
 * const fees: Fees = "gasPrice" in cached ? { gasPrice: cached.gasPrice } : cached
 */
export type Fees = Eip1559Fees | LegacyFees

/**
 * What the gas manager reads from a block header.
 *
 * @example
 * const block: GasBlock = { number: 12n, baseFeePerGas: 7n, gasLimit: 30_000_000n }
 */
export type GasBlock = {
  readonly number: bigint
  readonly baseFeePerGas: bigint | null
  readonly gasLimit: bigint
}
