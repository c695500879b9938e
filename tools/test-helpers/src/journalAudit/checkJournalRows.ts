import type { JournalProblem } from "./journalProblem.js"
import type { JsonRpcCaller } from "./jsonRpcCaller.js"
import type { JournalTransaction } from "./readJournal.js"

type Receipt = { status: string; blockNumber: string } | null

const batchSize = 100

function describe(row: JournalTransaction): string {
  return `${row.hash} (${row.task}, wallet ${row.wallet} nonce ${row.nonce_key === "0" ? "" : `${row.nonce_key}/`}${row.nonce}, run ${row.run_id})`
}

function chainSays(receipt: Receipt, known: boolean): string {
  if (receipt === null) return known ? "the node still holds it in its pool" : "the node has no receipt"
  return `the node mined it at block ${Number(BigInt(receipt.blockNumber))} with status ${Number(BigInt(receipt.status))}`
}

/**
 * Compares each journal row with the node: `included` ⇔ a receipt with status 1 at that block;
 * `failed` ⇔ status 0 at that block, or no receipt and unknown to the node (a refusal);
 * `dropped` and `replaced` ⇔ no receipt and unknown to the node; `pending` is always a problem
 * (the run is over).
 *
 * @example
 * const problems = await checkJournalRows(createJsonRpcCaller(anvilUrl), journal.transactions)
 */
export async function checkJournalRows(
  node: JsonRpcCaller,
  rows: readonly JournalTransaction[],
): Promise<JournalProblem[]> {
  const problems: JournalProblem[] = []
  for (let start = 0; start < rows.length; start += batchSize) {
    const slice = rows.slice(start, start + batchSize)
    const receipts = await node.batch<Receipt>(
      slice.map((row) => ({ method: "eth_getTransactionReceipt", params: [row.hash] })),
    )
    const unmined = slice.filter((_, index) => receipts[index] === null)
    const known = await node.batch<unknown>(
      unmined.map((row) => ({ method: "eth_getTransactionByHash", params: [row.hash] })),
    )
    const knownHashes = new Set(unmined.filter((_, index) => known[index] !== null).map((row) => row.hash))
    slice.forEach((row, index) => {
      const receipt = receipts[index] ?? null
      const base = { hash: row.hash, wallet: row.wallet, runId: row.run_id }
      const truth = chainSays(receipt, knownHashes.has(row.hash))
      const minedBlock = receipt === null ? undefined : Number(BigInt(receipt.blockNumber))
      const minedStatus = receipt === null ? undefined : Number(BigInt(receipt.status))
      switch (row.status) {
        case "pending":
          problems.push({
            ...base,
            kind: "left-pending",
            message: `${describe(row)}: left pending; ${truth}`,
          })
          return
        case "included":
        case "failed": {
          const expectedStatus = row.status === "included" ? 1 : 0
          if (receipt === null) {
            // A refusal never reached a block: fine for `failed` if the node does not hold it.
            if (row.status === "failed" && !knownHashes.has(row.hash)) return
            problems.push({
              ...base,
              kind: "status-mismatch",
              message: `${describe(row)}: journal says ${row.status} at block ${row.included_block}, ${truth}`,
            })
            return
          }
          if (minedStatus !== expectedStatus) {
            problems.push({
              ...base,
              kind: "status-mismatch",
              message: `${describe(row)}: journal says ${row.status}, ${truth}`,
            })
            return
          }
          if (row.included_block !== minedBlock)
            problems.push({
              ...base,
              kind: "block-mismatch",
              message: `${describe(row)}: journal says ${row.status} at block ${row.included_block}, ${truth}`,
            })
          return
        }
        default:
          // dropped, replaced: the chain must not have it, in a block or in the pool.
          if (receipt !== null || knownHashes.has(row.hash))
            problems.push({
              ...base,
              kind: "status-mismatch",
              message: `${describe(row)}: journal says ${row.status}, ${truth}`,
            })
      }
    })
  }
  return problems
}
