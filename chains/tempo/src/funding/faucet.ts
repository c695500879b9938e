import type { TaskRpc } from "@testnet/core"

const receiptWaitMs = 20_000
const pollMs = 500

/**
 * Asks a faucet-enabled Tempo RPC (`tempo_fundAddress`, testnet only) to mint its stablecoins to
 * each address, then waits (bounded) for the faucet transactions to be mined. Returns the number of
 * addresses funded; 0 when the endpoint has no faucet (anvil and mainnet answer "method not found").
 *
 * @example
 * const funded = await fundFromFaucet(rpc, [address])
 */
export async function fundFromFaucet(rpc: TaskRpc, addresses: readonly string[]): Promise<number> {
  const answers = await Promise.all(
    addresses.map((address) => rpc.request<unknown>("tempo_fundAddress", [address])),
  )
  const hashes: string[] = []
  let funded = 0
  for (const answer of answers) {
    if (answer.isErr()) continue
    funded += 1
    if (Array.isArray(answer.value))
      for (const hash of answer.value) if (typeof hash === "string") hashes.push(hash)
  }
  const deadline = Date.now() + receiptWaitMs
  let waiting = hashes
  while (waiting.length > 0 && Date.now() < deadline) {
    const receipts = await Promise.all(
      waiting.map((hash) => rpc.request<unknown>("eth_getTransactionReceipt", [hash])),
    )
    waiting = waiting.filter((_, index) => {
      const receipt = receipts[index]
      return receipt === undefined || receipt.isErr() || receipt.value === null
    })
    if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  return funded
}
