import type { JournalProblem } from "./journalProblem.js"
import type { JsonRpcCaller } from "./jsonRpcCaller.js"

type RawBlock = {
  number: string
  timestamp: string
  transactions: Array<{ hash: string; from?: string; nonce: string }>
}

const blocksPerBatch = 20

/**
 * The number of the first block whose timestamp is at or after `unixSeconds` (binary search over
 * headers; the latest block when none is).
 *
 * @example
 * const first = await findFirstBlockAtOrAfter(node, Math.floor(run.started_at / 1000), latest)
 */
export async function findFirstBlockAtOrAfter(node: JsonRpcCaller, unixSeconds: number, latest: number) {
  let low = 0
  let high = latest
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    const block = await node.call<RawBlock>("eth_getBlockByNumber", [`0x${middle.toString(16)}`, false])
    if (Number(BigInt(block.timestamp)) < unixSeconds) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Scans blocks `fromBlock`…`toBlock` with full transactions (raw JSON-RPC, so Tempo 0x76
 * transactions are read too) and reports every transaction sent by one of `wallets` whose hash
 * is not in `journaledHashes`.
 *
 * @example
 * const problems = await findUnjournaledTransactions(node, { fromBlock: 10, toBlock: 40, wallets, journaledHashes })
 */
export async function findUnjournaledTransactions(
  node: JsonRpcCaller,
  parameters: {
    fromBlock: number
    toBlock: number
    wallets: readonly string[]
    journaledHashes: ReadonlySet<string>
  },
): Promise<JournalProblem[]> {
  const wallets = new Set(parameters.wallets.map((wallet) => wallet.toLowerCase()))
  const problems: JournalProblem[] = []
  for (let start = parameters.fromBlock; start <= parameters.toBlock; start += blocksPerBatch) {
    const numbers: number[] = []
    for (let number = start; number < start + blocksPerBatch && number <= parameters.toBlock; number++)
      numbers.push(number)
    const blocks = await node.batch<RawBlock | null>(
      numbers.map((number) => ({
        method: "eth_getBlockByNumber",
        params: [`0x${number.toString(16)}`, true],
      })),
    )
    for (const block of blocks) {
      for (const transaction of block?.transactions ?? []) {
        const from = transaction.from?.toLowerCase()
        // A transaction without `from` could be anyone's: say so rather than pass silently.
        if (from === undefined) {
          problems.push({
            kind: "unreadable-transaction",
            hash: transaction.hash,
            message: `${transaction.hash} at block ${Number(BigInt(block?.number ?? "0x0"))} has no sender in the node's answer`,
          })
          continue
        }
        if (!wallets.has(from)) continue
        if (parameters.journaledHashes.has(transaction.hash.toLowerCase())) continue
        problems.push({
          kind: "not-journaled",
          hash: transaction.hash,
          wallet: from,
          message: `${transaction.hash} from ${from} (nonce ${Number(BigInt(transaction.nonce))}) was mined at block ${Number(BigInt(block?.number ?? "0x0"))} but is not in the journal`,
        })
      }
    }
  }
  return problems
}
