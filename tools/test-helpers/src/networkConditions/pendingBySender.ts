import { postToUpstream } from "./postToUpstream.js"

type TxpoolContent = {
  pending?: Record<string, Record<string, unknown>>
  queued?: Record<string, Record<string, unknown>>
}

async function call(upstream: string, method: string, params: unknown[]): Promise<unknown> {
  const answer = await postToUpstream(upstream, JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }))
  const parsed = JSON.parse(answer.body) as { result?: unknown; error?: { message: string } }
  if (parsed.error !== undefined) throw new Error(parsed.error.message)
  return parsed.result
}

/**
 * How many transactions each of `senders` has in the node's pool (pending and queued):
 * `txpool_content` where the node has it (anvil, reth, geth), else the difference of
 * `eth_getTransactionCount` pending − latest (protocol nonces only).
 *
 * @example
 * const counts = await readPendingBySender("http://127.0.0.1:8545", ["0xf39f…"])
 * counts.get("0xf39f…") // 3
 */
export async function readPendingBySender(
  upstream: string,
  senders: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(senders.map((sender) => [sender, 0]))
  try {
    const content = (await call(upstream, "txpool_content", [])) as TxpoolContent
    for (const section of [content.pending ?? {}, content.queued ?? {}]) {
      for (const [address, byNonce] of Object.entries(section)) {
        const sender = address.toLowerCase()
        if (counts.has(sender)) counts.set(sender, (counts.get(sender) ?? 0) + Object.keys(byNonce).length)
      }
    }
    return counts
  } catch {
    // No txpool namespace (e.g. a public endpoint): fall back to the nonce difference.
  }
  for (const sender of senders) {
    const [pending, latest] = await Promise.all([
      call(upstream, "eth_getTransactionCount", [sender, "pending"]),
      call(upstream, "eth_getTransactionCount", [sender, "latest"]),
    ])
    counts.set(sender, Number(BigInt(String(pending)) - BigInt(String(latest))))
  }
  return counts
}
