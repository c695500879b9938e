import { type BaseError, Ok, type Result, type TaskRpc } from "@testnet/core"
import { Interface } from "ethers"
import { tempoAddresses } from "../contracts/addresses.js"
import { encodeTip20BalanceOf } from "../contracts/tip20.js"

const multicall3Interface = new Interface([
  "function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)",
])

/** balanceOf calls per Multicall3 eth_call (~5k gas each: far below any node's eth_call gas cap). */
const callsPerMulticall = 300

/** Endpoints where Multicall3 failed once: read them call by call from then on. */
const withoutMulticall = new WeakSet<object>()

/**
 * TIP-20 balances: `result[address][token]`. Read through Multicall3 (predeployed on Tempo and
 * `anvil --network tempo`): one eth_call per 300 balances instead of one per balance, which made
 * the funding checks of a 1,000-wallet run 3,000 calls per round. Where Multicall3 is missing or
 * fails, one eth_call per balance, all in the same tick (one JSON-RPC batch).
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
  const calls = addresses.flatMap((address) =>
    tokens.map((token) => ({ target: token, allowFailure: false, callData: encodeTip20BalanceOf(address) })),
  )
  const values = withoutMulticall.has(rpc) ? "absent" : await readThroughMulticall(rpc, calls)
  if (values === "absent") withoutMulticall.add(rpc)
  const read = typeof values === "string" ? await readOneByOne(rpc, calls) : Ok(values)
  if (read.isErr()) return read
  return Ok(addresses.map((_, index) => read.value.slice(index * tokens.length, (index + 1) * tokens.length)))
}

type BalanceCall = { target: string; allowFailure: boolean; callData: string }

function toBalance(data: string): bigint {
  return data === "0x" ? 0n : BigInt(data)
}

/**
 * Every balance through Multicall3; "failed" when a chunk failed (the caller reads one by one this
 * time, and surfaces the error), "absent" when the endpoint has no working Multicall3 (never again).
 */
async function readThroughMulticall(
  rpc: TaskRpc,
  calls: readonly BalanceCall[],
): Promise<bigint[] | "failed" | "absent"> {
  const chunks: BalanceCall[][] = []
  for (let start = 0; start < calls.length; start += callsPerMulticall)
    chunks.push(calls.slice(start, start + callsPerMulticall))
  const answers = await Promise.all(
    chunks.map((chunk) =>
      rpc.request<string>("eth_call", [
        {
          to: tempoAddresses.multicall3,
          data: multicall3Interface.encodeFunctionData("aggregate3", [chunk]),
        },
        "latest",
      ]),
    ),
  )
  const balances: bigint[] = []
  for (const [index, answer] of answers.entries()) {
    if (answer.isErr()) return "failed"
    // No code at the address: a call to an account without code answers 0x.
    if (answer.value === "0x") return "absent"
    try {
      const [results] = multicall3Interface.decodeFunctionResult("aggregate3", answer.value) as unknown as [
        { success: boolean; returnData: string }[],
      ]
      if (results.length !== chunks[index]?.length) return "absent"
      for (const result of results) {
        if (!result.success) return "failed"
        balances.push(toBalance(result.returnData))
      }
    } catch {
      return "absent"
    }
  }
  return balances
}

async function readOneByOne(
  rpc: TaskRpc,
  calls: readonly BalanceCall[],
): Promise<Result<bigint[], BaseError>> {
  const answers = await Promise.all(
    calls.map((call) =>
      rpc.request<string>("eth_call", [{ to: call.target, data: call.callData }, "latest"]),
    ),
  )
  const balances: bigint[] = []
  for (const answer of answers) {
    if (answer.isErr()) return answer
    balances.push(toBalance(answer.value))
  }
  return Ok(balances)
}
