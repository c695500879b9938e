import { type BaseError, Ok, type Result, type TaskRpc } from "@testnet/core"
import { Interface } from "ethers"
import { tempoAddresses } from "../contracts/addresses.js"
import { addressWord, selectorOf, uintWord } from "../contracts/staticAbi.js"
import { encodeTip20BalanceOf } from "../contracts/tip20.js"

export const multicall3Interface = new Interface([
  "function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)",
])
const aggregate3Selector = selectorOf(multicall3Interface, "aggregate3")

/**
 * `aggregate3` of balanceOf calls (allowFailure false), encoded by hand: every element has the
 * same shape (target, false, offset 0x60, 36 bytes of calldata in two words), so the offsets are
 * fixed. ethers' encoder checksummed every address (a keccak each): most of a funding check's CPU.
 */
export function encodeAggregate3(calls: readonly BalanceCall[]): string {
  const elementBytes = 6 * 32
  const parts: string[] = [aggregate3Selector, uintWord(32n), uintWord(BigInt(calls.length))]
  for (let index = 0; index < calls.length; index += 1)
    parts.push(uintWord(BigInt(calls.length * 32 + index * elementBytes)))
  for (const call of calls) {
    const data = call.callData.slice(2)
    parts.push(addressWord(call.target), uintWord(0n), uintWord(96n), uintWord(BigInt(data.length / 2)))
    parts.push(data.padEnd(128, "0"))
  }
  return parts.join("")
}

/** The ABI word at byte offset `at` of 0x-less hex, as a number (offsets, lengths, flags). */
function wordAt(hex: string, at: number): number {
  return Number.parseInt(hex.slice(at * 2, at * 2 + 64), 16)
}

/** `(bool success, bytes returnData)[]` of aggregate3, following the offsets; undefined if malformed. */
export function decodeAggregate3(data: string): { success: boolean; returnData: string }[] | undefined {
  const hex = data.slice(2)
  const array = wordAt(hex, 0)
  const count = wordAt(hex, array)
  if (!Number.isSafeInteger(count) || hex.length < (array + 32 + count * 32) * 2) return undefined
  const results: { success: boolean; returnData: string }[] = []
  for (let index = 0; index < count; index += 1) {
    const element = array + 32 + wordAt(hex, array + 32 + index * 32)
    const bytesAt = element + wordAt(hex, element + 32)
    const length = wordAt(hex, bytesAt)
    if (!Number.isSafeInteger(length) || hex.length < (bytesAt + 32 + length) * 2) return undefined
    results.push({
      success: wordAt(hex, element) === 1,
      returnData: `0x${hex.slice((bytesAt + 32) * 2, (bytesAt + 32 + length) * 2)}`,
    })
  }
  return results
}

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

export type BalanceCall = { target: string; allowFailure: boolean; callData: string }

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
          data: encodeAggregate3(chunk),
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
    const results = decodeAggregate3(answer.value)
    if (results === undefined || results.length !== chunks[index]?.length) return "absent"
    for (const result of results) {
      if (!result.success) return "failed"
      balances.push(toBalance(result.returnData))
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
