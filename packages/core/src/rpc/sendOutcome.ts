/**
 * What a failed `eth_sendRawTransaction(Sync)` means for the transaction: the ONE place that
 * decides whether a send error proves the transaction is not in a pool (ADR 0013). Everything
 * else — internal errors, timeouts, resets after the request was written, 5xx, EIP-7966 codes
 * 4/5 — leaves the outcome unknown: the node may hold (and mine) the transaction.
 */

/**
 * The outcome of a send:
 * - `accepted`: the node has the transaction (a hash answer, or "already known").
 * - `refused`: the node's answer proves the transaction is not in its pool. `nonce: "free"` —
 *   the nonce may be used again; `"taken"` — the chain or another pooled transaction holds it
 *   (nonce too low, replacement underpriced): the lane resyncs.
 * - `unknown`: it may be in a pool. Its nonce stays held and the receipt tracker finds out.
 *   `hash`: the node's own word for it where it gave one (EIP-7966 error data).
 *
 * @example
 * const outcome: SendOutcome = classifySendOutcome(error)
 * if (outcome.kind === "refused" && outcome.nonce === "free") reservation.release()
 */
export type SendOutcome =
  | { kind: "accepted" }
  | { kind: "refused"; nonce: "free" | "taken"; reason: string }
  | { kind: "unknown"; reason: string; hash?: string }

/**
 * The reason of a refusal because the pool (or the sender's share of it) is full: transient, the
 * same transaction may be admitted once earlier ones left the pool.
 *
 * @example
 * if (outcome.kind === "refused" && outcome.reason === poolFullReason) await sleep(backOffMs)
 */
export const poolFullReason = "the node's pool is full"

/**
 * Node messages (lower-cased) that prove the transaction was not admitted to the pool, with
 * the reason reported. Sources: geth core/txpool/errors.go + core/error.go, reth
 * rpc-eth-types/src/error, anvil 1.7.1, nethermind/besu where they differ. Checked against
 * `RPC_NODE_ERROR` messages only (the named RPC errors are classified by their code).
 *
 * @example
 * refusalMessages.find(([pattern]) => pattern.test("transaction underpriced"))?.[1] // "fee below the pool's minimum"
 */
export const refusalMessages: readonly (readonly [RegExp, string])[] = [
  [
    /invalid (sender|signature)|signature.*invalid|invalid transaction signature|recover.*sender|sender not (an )?eoa/,
    "invalid signature or sender",
  ],
  [
    /fee ?cap (less than|below|too low)|max fee per gas less than block base fee|less than block base fee/,
    "fee cap below the base fee",
  ],
  [
    /tip (above|higher than) fee ?cap|priority fee.*(higher|greater) than.*max fee/,
    "priority fee above the fee cap",
  ],
  [/transaction underpriced|gas price (too low|below)|fee too low/, "fee below the pool's minimum"],
  [
    /type not supported|unsupported (transaction|tx) type|invalid transaction type|transaction type .*not/,
    "transaction type not supported",
  ],
  [
    /exceeds block gas limit|gas limit (exceeds|is greater than|above|reached)|greater than block gas limit/,
    "gas limit above the block gas limit",
  ],
  [/exceeds the configured cap|tx ?fee .*exceeds/, "fee above the node's cap"],
  [/oversized data|transaction size|too large|init ?code size/, "transaction too large"],
  [/chain ?id (mismatch|invalid)|invalid chain ?id|incorrect chain ?id|wrong chain ?id/, "wrong chain id"],
  // geth `ErrTxPoolOverflow` / `ErrAccountLimitExceeded`; reth "txpool is full" (also past
  // `max_account_slots`, 16 per sender). Not admitted: the nonce is free, a later try may pass.
  [
    /pool is full|txpool full|pool full|account limit exceeded|exceeds? (the )?(sender|account) slots/,
    poolFullReason,
  ],
  [/could not decode|failed to decode|rlp|decoding error|invalid transaction/, "undecodable transaction"],
  [/gas uint64 overflow|value overflow|negative value/, "invalid field"],
  [/insufficient (fee token )?balance/, "insufficient balance"],
]

/** JSON-RPC codes that mean the request itself was refused before any processing. */
const refusedNodeCodes = new Map<number, string>([
  [-32700, "parse error"],
  [-32600, "invalid request"],
  [-32601, "method not found"],
  [-32602, "invalid params"],
])

/** RPC error codes whose outcome does not depend on details. */
const outcomeByCode = new Map<string, SendOutcome>([
  ["RPC_ALREADY_KNOWN", { kind: "accepted" }],
  ["RPC_NONCE_TOO_LOW", { kind: "refused", nonce: "taken", reason: "nonce too low" }],
  ["RPC_REPLACEMENT_UNDERPRICED", { kind: "refused", nonce: "taken", reason: "replacement underpriced" }],
  ["RPC_NONCE_TOO_HIGH", { kind: "refused", nonce: "free", reason: "nonce too high" }],
  ["RPC_INSUFFICIENT_FUNDS", { kind: "refused", nonce: "free", reason: "insufficient funds" }],
  ["RPC_INTRINSIC_GAS_TOO_LOW", { kind: "refused", nonce: "free", reason: "intrinsic gas too low" }],
  ["RPC_METHOD_NOT_FOUND", { kind: "refused", nonce: "free", reason: "method not found" }],
  // 429 / -32005: answered instead of being processed.
  ["RPC_RATE_LIMITED", { kind: "refused", nonce: "free", reason: "rate limited" }],
  ["RPC_UNSUPPORTED_TRANSPORT", { kind: "refused", nonce: "free", reason: "never sent" }],
  ["RPC_TIMEOUT", { kind: "unknown", reason: "timeout" }],
  ["RPC_INVALID_RESPONSE", { kind: "unknown", reason: "invalid response" }],
  ["RPC_EXECUTION_REVERTED", { kind: "unknown", reason: "reverted" }],
])

/** EIP-7966: 4 = added to the pool but not processed in time, 5 = added but the node not ready. */
const eip7966PooledCodes = new Set([4, 5])

/** How deep to look into `cause` chains (a task error wrapping an RPC error, …). */
const maximumCauseDepth = 8

type ErrorLink = {
  code?: unknown
  cause?: unknown
  reason?: unknown
  status?: unknown
  nodeCode?: unknown
  nodeMessage?: unknown
  data?: unknown
}

function hashIn(data: unknown): string | undefined {
  if (typeof data === "string") return /^0x[0-9a-fA-F]{64}$/.test(data) ? data.toLowerCase() : undefined
  if (typeof data === "object" && data !== null) {
    const record = data as { hash?: unknown; transactionHash?: unknown }
    return hashIn(record.hash) ?? hashIn(record.transactionHash)
  }
  return undefined
}

function nodeErrorOutcome(link: ErrorLink): SendOutcome {
  const nodeCode = typeof link.nodeCode === "number" ? link.nodeCode : undefined
  if (nodeCode !== undefined && eip7966PooledCodes.has(nodeCode)) {
    const raw = link.cause as ErrorLink | undefined
    const hash = hashIn(raw?.data)
    const reason = nodeCode === 4 ? "EIP-7966 timeout (in the pool)" : "EIP-7966 not ready (in the pool)"
    return hash === undefined ? { kind: "unknown", reason } : { kind: "unknown", reason, hash }
  }
  const refusedCode = nodeCode === undefined ? undefined : refusedNodeCodes.get(nodeCode)
  if (refusedCode !== undefined) return { kind: "refused", nonce: "free", reason: refusedCode }
  const message = typeof link.nodeMessage === "string" ? link.nodeMessage.toLowerCase() : ""
  for (const [pattern, reason] of refusalMessages)
    if (pattern.test(message)) return { kind: "refused", nonce: "free", reason }
  return { kind: "unknown", reason: nodeCode === undefined ? "node error" : `node error ${nodeCode}` }
}

function outcomeOfLink(link: ErrorLink, code: string): SendOutcome | undefined {
  const fixed = outcomeByCode.get(code)
  if (fixed !== undefined) return fixed
  switch (code) {
    case "RPC_CONNECTION_REFUSED":
      // Refused or unresolvable: nothing was written. A reset or a failed proxy hop may come after.
      return link.reason === "refused" || link.reason === "dns"
        ? { kind: "refused", nonce: "free", reason: `connection ${link.reason}` }
        : { kind: "unknown", reason: `connection ${String(link.reason)}` }
    case "RPC_HTTP_STATUS": {
      const status = typeof link.status === "number" ? link.status : 0
      return status >= 400 && status < 500 && status !== 408
        ? { kind: "refused", nonce: "free", reason: `HTTP ${status}` }
        : { kind: "unknown", reason: `HTTP ${status}` }
    }
    case "RPC_NODE_ERROR":
      return nodeErrorOutcome(link)
    default:
      return undefined
  }
}

/**
 * Classifies a failed send by the first RPC error on the error or its `cause` chain (see
 * {@link refusalMessages} and ADR 0013). Anything not recognised is `unknown`: only proof frees
 * a nonce.
 *
 * @example
 * classifySendOutcome(new RpcInsufficientFundsError({ nodeMessage: "insufficient funds" })) // { kind: "refused", nonce: "free", … }
 * classifySendOutcome(new RpcNodeError({ nodeCode: -32603, nodeMessage: "internal error" }))   // { kind: "unknown", … }
 */
export function classifySendOutcome(error: unknown): SendOutcome {
  let current: unknown = error
  for (let depth = 0; depth < maximumCauseDepth; depth++) {
    if (typeof current !== "object" || current === null) break
    const link = current as ErrorLink
    if (typeof link.code === "string") {
      const outcome = outcomeOfLink(link, link.code)
      if (outcome !== undefined) return outcome
    }
    current = link.cause
  }
  return { kind: "unknown", reason: "unclassified error" }
}

/**
 * True when the error proves the transaction is not in any pool (its nonce may be freed or is
 * taken by another transaction).
 *
 * @example
 * if (isRefusedSend(error)) reservation.markRejected(error)
 */
export function isRefusedSend(error: unknown): boolean {
  return classifySendOutcome(error).kind === "refused"
}

/**
 * True when the node refused the send because its pool, or the sender's share of it (reth
 * `max_account_slots`, tempo `tt_2d_pool.rs`: 16 per sender), is full. The nonce is free and the
 * transaction may be offered again after a back-off (funding does).
 *
 * @example
 * if (isPoolFullRefusal(result.error)) await clock.sleep(backOffMs)
 */
export function isPoolFullRefusal(error: unknown): boolean {
  const outcome = classifySendOutcome(error)
  return outcome.kind === "refused" && outcome.reason === poolFullReason
}
