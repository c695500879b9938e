import type { JournalProblem } from "./journalProblem.js"
import type { JsonRpcCaller } from "./jsonRpcCaller.js"

type TxpoolContent = {
  pending?: Record<string, Record<string, unknown>>
  queued?: Record<string, Record<string, unknown>>
}

/**
 * Pool state of the wallets: a `queued` entry (a nonce gap) or a `pending` one still there after
 * the run settled (a stuck entry). Uses `txpool_content` (anvil, reth, geth); without it, the
 * difference of `eth_getTransactionCount` pending − latest.
 *
 * @example
 * const problems = await checkWalletPools(createJsonRpcCaller(anvilUrl), wallets)
 */
export async function checkWalletPools(
  node: JsonRpcCaller,
  wallets: readonly string[],
): Promise<JournalProblem[]> {
  const problems: JournalProblem[] = []
  let content: TxpoolContent | undefined
  try {
    content = await node.call<TxpoolContent>("txpool_content", [])
  } catch {
    content = undefined
  }
  if (content !== undefined) {
    const lower = (section: TxpoolContent["pending"]) =>
      new Map(
        Object.entries(section ?? {}).map(([address, byNonce]) => [
          address.toLowerCase(),
          Object.keys(byNonce),
        ]),
      )
    const pending = lower(content.pending)
    const queued = lower(content.queued)
    for (const wallet of wallets.map((address) => address.toLowerCase())) {
      const gap = queued.get(wallet) ?? []
      const stuck = pending.get(wallet) ?? []
      if (gap.length > 0)
        problems.push({
          kind: "nonce-gap",
          wallet,
          message: `${wallet} has queued nonces ${gap.join(", ")} (a nonce gap)`,
        })
      if (stuck.length > 0)
        problems.push({
          kind: "stuck-in-pool",
          wallet,
          message: `${wallet} still has nonces ${stuck.join(", ")} in the pool`,
        })
    }
    return problems
  }
  for (const wallet of wallets) {
    const [pending, latest] = await node.batch<string>([
      { method: "eth_getTransactionCount", params: [wallet, "pending"] },
      { method: "eth_getTransactionCount", params: [wallet, "latest"] },
    ])
    const waiting = Number(BigInt(pending ?? "0x0") - BigInt(latest ?? "0x0"))
    if (waiting > 0)
      problems.push({
        kind: "stuck-in-pool",
        wallet,
        message: `${wallet} has ${waiting} transaction(s) in the pool`,
      })
  }
  return problems
}
