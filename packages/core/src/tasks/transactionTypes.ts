/**
 * The transaction shapes tasks exchange with the submission pipeline (the runner implements it).
 */

/**
 * Fee fields: EIP-1559, or legacy `gasPrice` when the chain has no EIP-1559.
 *
 * @example
 * const fees: TransactionFees = { maxFeePerGas: 2n * 10n ** 9n, maxPriorityFeePerGas: 10n ** 9n }
 */
export type TransactionFees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { gasPrice: bigint }

/**
 * An ordinary transaction (EIP-1559, or legacy when the chain has no EIP-1559). Nonce, fees,
 * chain id and type are filled by the pipeline. Give `gasLimit` when you know it; otherwise the
 * pipeline estimates once per call shape (target + selector) and caches the result.
 *
 * @example
 * const request: StandardSendRequest = { to: recipient, data: "0x", value: 0n, gasLimit: 21_000n }
 */
export type StandardSendRequest = {
  kind?: "standard"
  /** Recipient; `null` or absent deploys a contract. */
  to?: string | null
  data?: string
  value?: bigint
  gasLimit?: bigint
  /** Nonce lane (chains with keyed nonces). 0n or absent: the protocol nonce. */
  nonceKey?: bigint
  /**
   * True when the task drew `nonceKey` at random for this run (e.g. 192 random bits): such a lane
   * was never used, so its first nonce is 0 and the pipeline reads nothing before the first send.
   * Never set it for a key that may have been used before (a small fixed key space, a key from an
   * earlier run): the transaction would then carry a taken nonce.
   */
  freshNonceKey?: boolean
  /** Override the per-block fee cache (e.g. a replacement with bumped fees). */
  fees?: TransactionFees
}

/**
 * A chain-specific transaction type (e.g. Tempo 0x76) serialized and signed by the chain's builder.
 * The pipeline still reserves the nonce, supplies fees, journals and broadcasts.
 *
 * @example
 * const request: RawSendRequest = {
 *   kind: "raw", to: token, nonceKey: 0n,
 *   build: ({ nonce, fees, chainId }) => signTempoTransaction(context.wallet, { nonce, chainId, ...fees, calls }),
 * }
 */
export type RawSendRequest = {
  kind: "raw"
  to?: string | null
  nonceKey?: bigint
  /**
   * True when the task drew `nonceKey` at random for this run (e.g. 192 random bits): such a lane
   * was never used, so its first nonce is 0 and the pipeline reads nothing before the first send.
   * Never set it for a key that may have been used before (a small fixed key space, a key from an
   * earlier run): the transaction would then carry a taken nonce.
   */
  freshNonceKey?: boolean
  /** The token that pays the fee, when the transaction names one (journalled as `fee_token`). */
  feeToken?: string
  /** Returns the signed, serialized transaction (0x…). */
  build(parameters: { nonce: bigint; fees: TransactionFees; chainId: number }): string
}

/**
 * Either request kind.
 *
 * @example
 * await context.send({ to: context.address, value: 0n, gasLimit: 21_000n })
 */
export type SendRequest = StandardSendRequest | RawSendRequest

/**
 * A transaction the pipeline journaled and broadcast (not yet included).
 *
 * @example
 * const sent = (await context.send(request)).unwrap()
 * context.logger.debug({ transactionHash: sent.hash }, "sent")
 */
export type SentTransaction = {
  /** keccak256 of the raw transaction, lower-case 0x hex (computed locally). */
  readonly hash: string
  readonly from: string
  readonly to: string | null
  readonly nonce: bigint
  readonly nonceKey: bigint
  /** Unix milliseconds when it was handed to the node. */
  readonly sentAt: number
}

/**
 * An inclusion receipt as tasks see it.
 *
 * @example
 * if (receipt.status === "success" && receipt.contractAddress) context.recordContract({ kind: "counter", address: receipt.contractAddress })
 */
export type TransactionReceipt = {
  readonly hash: string
  readonly blockNumber: bigint
  readonly blockTimestamp: number | undefined
  readonly status: "success" | "reverted"
  readonly gasUsed: bigint
  readonly effectiveGasPrice: bigint
  readonly contractAddress: string | null
  readonly from: string
  readonly to: string | null
  readonly logs: readonly { address: string; topics: readonly string[]; data: string }[]
}

/**
 * A read-only call (`eth_call`).
 *
 * @example
 * const balance = await context.call({ to: token, data: erc20.encodeFunctionData("balanceOf", [context.address]) })
 */
export type CallRequest = {
  to: string
  data: string
  from?: string
  value?: bigint
  /** Default "latest". */
  blockTag?: string
}
