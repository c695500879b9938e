/**
 * Bounded label values: Prometheus keeps one series per label combination, so task names come
 * from the chain's catalog and error codes from a fixed list; anything else becomes "other".
 * A free-form message or a contract address as a label would grow memory without bound.
 */

/**
 * The error codes a metric may carry as its `code` label. Everything else is "other".
 *
 * @example
 * metricErrorCodes.has("RPC_TIMEOUT") // true
 */
export const metricErrorCodes: ReadonlySet<string> = new Set([
  "none",
  "REVERTED",
  "DROPPED",
  "RPC_ALREADY_KNOWN",
  "RPC_CONNECTION_REFUSED",
  "RPC_EXECUTION_REVERTED",
  "RPC_HTTP_STATUS",
  "RPC_INSUFFICIENT_FUNDS",
  "RPC_INTRINSIC_GAS_TOO_LOW",
  "RPC_INVALID_RESPONSE",
  "RPC_METHOD_NOT_FOUND",
  "RPC_NODE_ERROR",
  "RPC_NONCE_TOO_HIGH",
  "RPC_NONCE_TOO_LOW",
  "RPC_RATE_LIMITED",
  "RPC_REPLACEMENT_UNDERPRICED",
  "RPC_TIMEOUT",
  "GAS_ESTIMATION_FAILED",
  "GAS_FEES_UNAVAILABLE",
  "GAS_FEE_ABOVE_CAP",
  "NONCE_GAP_DETECTED",
  "RUNNER_ABORTED",
  "RUNNER_RECEIPT_DEADLINE",
  "RUNNER_SIGNING_FAILED",
  "RUNNER_TASK_CRASHED",
  "RUNNER_TRANSACTION_REVERTED",
  "TASK_EXPECTED_FAILURE_SUCCEEDED",
  "TASK_FAILED",
  "TASK_TIMED_OUT",
  "other",
])

/**
 * The `code` label for an error code: itself when in {@link metricErrorCodes}, else "other".
 *
 * @example
 * codeLabel("RPC_TIMEOUT") // "RPC_TIMEOUT"
 * codeLabel("SOMETHING_NEW") // "other"
 */
export function codeLabel(code: string | undefined): string {
  if (code === undefined) return "none"
  return metricErrorCodes.has(code) ? code : "other"
}

/**
 * Maps task names to their `task` label: catalog names pass, anything else is "other".
 *
 * @example
 * const taskLabel = createTaskLabeler(["transfer", "deploy_counter"])
 * taskLabel("transfer") // "transfer"
 * taskLabel("made_up") // "other"
 */
export function createTaskLabeler(catalog: readonly string[] | undefined): (task: string) => string {
  if (catalog === undefined) return (task) => task
  const known = new Set(catalog)
  return (task) => (known.has(task) ? task : task.startsWith("_") ? "internal" : "other")
}

/**
 * The `method` label of an RPC request: JSON-RPC method names are a small, fixed vocabulary
 * (`eth_*`, `net_*`, `web3_*`, chain namespaces); anything odd is "other".
 *
 * @example
 * methodLabel("eth_getBlockReceipts") // "eth_getBlockReceipts"
 */
export function methodLabel(method: string): string {
  return /^[a-z0-9]+_[A-Za-z0-9]{1,60}$/.test(method) ? method : "other"
}
