import { type BaseError, Ok, type Result, type TaskRpc } from "@testnet/core"
import { encodeTip20BalanceOf } from "../contracts/tip20.js"

/**
 * TIP-20 balances: `result[address][token]`. All calls are issued in the same tick, so the RPC
 * client sends them as one JSON-RPC batch.
 *
 * @example
 * const balances = await readTokenBalances(rpc, [pathUsd, alphaUsd], [alice, bob])
 * if (balances.isOk()) console.log(balances.value[0]?.[1]) // alice's AlphaUSD
 */
export async function readTokenBalances(
  rpc: TaskRpc,
  tokens: readonly string[],
  addresses: readonly string[],
): Promise<Result<bigint[][], BaseError>> {
  const pending = addresses.map((address) =>
    tokens.map((token) =>
      rpc.request<string>("eth_call", [{ to: token, data: encodeTip20BalanceOf(address) }, "latest"]),
    ),
  )
  const balances: bigint[][] = []
  for (const row of pending) {
    const values: bigint[] = []
    for (const result of await Promise.all(row)) {
      if (result.isErr()) return result
      values.push(result.value === "0x" ? 0n : BigInt(result.value))
    }
    balances.push(values)
  }
  return Ok(balances)
}
