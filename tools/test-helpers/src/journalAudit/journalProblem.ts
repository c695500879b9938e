/**
 * One disagreement between the journal and the chain, readable on its own.
 *
 * @example
 * const problem: JournalProblem = { kind: "status-mismatch", hash: "0x…", runId: "r1",
 *   message: "0x… (tip20_transfer, run r1): journal says dropped, the node mined it at block 12 with status 1" }
 */
export type JournalProblem = {
  kind:
    | "left-pending"
    | "status-mismatch"
    | "block-mismatch"
    | "not-journaled"
    | "nonce-gap"
    | "stuck-in-pool"
    | "run-still-running"
    | "run-missing"
    | "unreadable-transaction"
  message: string
  hash?: string
  wallet?: string
  runId?: string
}
