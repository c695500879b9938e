// Test support only (not exported): minimal JSON-RPC over fetch and receipt polling with a deadline.
import { HDNodeWallet, SigningKey } from "ethers"
import type { SignDigest } from "../transaction/types.js"

// anvil's public development mnemonic; its keys are well known and hold no real value.
const developmentMnemonic = "test test test test test test test test test test test junk"

/** anvil dev account `index` with a `signDigest` function (the key stays inside the closure). */
export function developmentAccount(index: number): { address: string; signDigest: SignDigest } {
  const wallet = HDNodeWallet.fromPhrase(developmentMnemonic, undefined, `m/44'/60'/0'/0/${index}`)
  const key = new SigningKey(wallet.privateKey)
  return { address: wallet.address, signDigest: (digest) => key.sign(digest) }
}

let requestId = 0

/** One JSON-RPC call; throws with the node's message on an error response. */
export async function rpc<T>(rpcUrl: string, method: string, params: readonly unknown[]): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++requestId, method, params }),
  })
  const body = (await response.json()) as { result?: T; error?: { code: number; message: string } }
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message} (${body.error.code})`)
  return body.result as T
}

export type TestReceipt = {
  status: string
  type: string
  transactionHash: string
  contractAddress: string | null
  gasUsed: string
  blockNumber: string
}

/** Polls for a receipt every 100 ms; throws after `timeoutMs` (a silently dropped tx never gets one). */
export async function waitForReceipt(rpcUrl: string, hash: string, timeoutMs = 15_000): Promise<TestReceipt> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const receipt = await rpc<TestReceipt | null>(rpcUrl, "eth_getTransactionReceipt", [hash])
    if (receipt !== null) return receipt
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no receipt for ${hash} within ${timeoutMs} ms`)
}

/** `eth_call` returning the raw hex result. */
export function call(rpcUrl: string, to: string, data: string): Promise<string> {
  return rpc<string>(rpcUrl, "eth_call", [{ to, data }, "latest"])
}

/** A max fee per gas that stays above the base fee for a test's lifetime: 3 × the latest base fee + 1 gwei. */
export async function generousMaxFeePerGas(rpcUrl: string): Promise<bigint> {
  const block = await rpc<{ baseFeePerGas: string }>(rpcUrl, "eth_getBlockByNumber", ["latest", false])
  return BigInt(block.baseFeePerGas) * 3n + 1_000_000_000n
}
