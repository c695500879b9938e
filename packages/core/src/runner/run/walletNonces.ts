// The run's wallets' protocol nonces, read once at setup: without this each wallet's first send
// waited for its own eth_getTransactionCount in the middle of the load (one read per wallet per
// run, ~0.06 of the RPC calls per transaction of a 30 s, 1,000-wallet run).
import type { RunnerLogger, RunnerNonceManager, RunnerRpc } from "../ports.js"

/**
 * Reads the pending protocol nonce of every address at once (the RPC client batches the calls
 * issued in one tick) and starts each lane with it, so a wallet's first reservation asks the chain
 * nothing. Best effort: a wallet whose read failed, or a nonce manager that cannot learn, reads on
 * its first send as before. Returns how many lanes were started.
 *
 * @example
 * const learned = await learnWalletNonces({ rpc, nonces, chainId, addresses, logger, signal })
 */
export async function learnWalletNonces(parameters: {
  rpc: RunnerRpc
  nonces: RunnerNonceManager
  chainId: number
  addresses: readonly string[]
  logger: RunnerLogger
  signal?: AbortSignal
}): Promise<number> {
  const { rpc, nonces, chainId, addresses, logger, signal } = parameters
  const learn = nonces.learn?.bind(nonces)
  if (learn === undefined || addresses.length === 0) return 0
  const options = signal === undefined ? {} : { signal }
  const answers = await Promise.all(
    addresses.map((address) => rpc.request<string>("eth_getTransactionCount", [address, "pending"], options)),
  )
  let learned = 0
  let failed = 0
  for (const [index, answer] of answers.entries()) {
    const address = addresses[index] as string
    if (answer.isErr() || !/^0x[0-9a-f]+$/i.test(String(answer.value))) {
      failed += 1
      continue
    }
    if (learn({ chainId, address, nonceKey: 0n }, BigInt(answer.value))) learned += 1
  }
  if (failed > 0) logger.warn({ failed }, "some wallet nonces were not read at setup; read on first use")
  return learned
}
