import type { Logger } from "pino"

/**
 * Fields that tie log lines together across the pipeline. Addresses and hashes only — never keys.
 *
 * @example
 * const fields: CorrelationFields = { runId: "r-1", worker: 2, wallet: "0xabc…", task: "transfer" }
 */
export type CorrelationFields = {
  runId?: string
  worker?: number
  wallet?: string
  task?: string
  transactionHash?: string
  nonce?: bigint | number
}

/**
 * A child logger that adds correlation fields to every line. Undefined fields are left out;
 * bigints are written as decimal strings (JSON has no bigint).
 *
 * @example
 * const taskLogger = withCorrelation(logger, { runId, worker: 1, wallet: lease.wallet.address, task: task.name })
 * taskLogger.info({ transactionHash: sent.hash }, "sent")
 */
export function withCorrelation(logger: Logger, fields: CorrelationFields): Logger {
  const bindings: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    bindings[name] = typeof value === "bigint" ? value.toString() : (value as string | number)
  }
  return logger.child(bindings)
}
