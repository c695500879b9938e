import { createTaskOutcome, defineTask, Ok } from "@testnet/core"
import { formatEther } from "ethers"

/**
 * Reads the wallet's ETH balance and nonce (one JSON-RPC batch, no transaction).
 *
 * @example
 * risechain.tasks.find((task) => task.name === "check_balance")
 */
export const checkBalance = defineTask({
  name: "check_balance",
  weight: 3,
  description: "Reads the wallet's ETH balance and nonce.",
  async run(context) {
    const [balance, nonce] = await Promise.all([
      context.rpc.request<string>("eth_getBalance", [context.address, "latest"], { signal: context.signal }),
      context.rpc.request<string>("eth_getTransactionCount", [context.address, "latest"], {
        signal: context.signal,
      }),
    ])
    if (balance.isErr()) return balance
    if (nonce.isErr()) return nonce
    return Ok(
      createTaskOutcome({
        notes: [`balance=${formatEther(BigInt(balance.value))} ETH nonce=${BigInt(nonce.value)}`],
      }),
    )
  },
})
