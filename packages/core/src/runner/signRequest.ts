/**
 * Signing one send request locally: a raw request builds its own bytes (e.g. Tempo 0x76), a
 * standard one is signed as type 2 (EIP-1559 fees) or type 0 (legacy gas price). The hash is
 * keccak256 of the signed bytes, computed here — never asked of the node. The submitter signs
 * through this for the first send and for every replacement (same request, same nonce, new fees).
 */
import { keccak256 } from "ethers"
import { getNativeKeccakStatus } from "../signing/nativeKeccak.js"
import type { SendRequest } from "../tasks/transactionTypes.js"
import type { RunnerFees, RunnerWallet } from "./ports.js"
import type { PlainTransfer } from "./receiptDerivation.js"

/**
 * Signs `request` with `nonce`, `fees` and `gasLimit` (ignored by raw requests). Throws what the
 * signer or the request's builder throws.
 *
 * @example
 * const { raw, hash } = signRequest({ chainId: 31337, wallet, request, nonce: 0n, fees, gasLimit: 21_000n })
 */
export function signRequest(parameters: {
  chainId: number
  wallet: RunnerWallet
  request: SendRequest
  nonce: bigint
  fees: RunnerFees
  gasLimit: bigint
}): { raw: string; hash: string } {
  const { chainId, wallet, request, nonce, fees, gasLimit } = parameters
  if (request.kind === "raw") return signed(request.build({ nonce, fees, chainId }))
  const common = {
    chainId,
    nonce: Number(nonce),
    gasLimit,
    to: request.to ?? null,
    data: request.data ?? "0x",
    value: request.value ?? 0n,
  }
  const transaction =
    "gasPrice" in fees ? { ...common, type: 0, gasPrice: fees.gasPrice } : { ...common, type: 2, ...fees }
  // The fast signer hashes the signed bytes it already holds; others are hashed from the hex here.
  return wallet.signTransactionWithHash?.(transaction) ?? signed(wallet.signTransaction(transaction))
}

/**
 * A value transfer without calldata: the tracker may settle it from its block (receiptDerivation.ts).
 *
 * @example
 * plainTransferOf({ to: "0xabc…", value: 1n }, fees) // { to: "0xabc…", fees }
 */
export function plainTransferOf(request: SendRequest, fees: RunnerFees): PlainTransfer | undefined {
  if (request.kind === "raw" || request.to === undefined || request.to === null) return undefined
  if (request.data !== undefined && request.data !== "0x" && request.data !== "") return undefined
  return { to: request.to, fees }
}

const evenHex = /^0x(?:[0-9a-fA-F]{2})*$/

/**
 * A signed transaction with its hash: keccak256 of the signed bytes, computed locally (the native
 * sponge when it loads: ethers' JS keccak of every raw request was ~3 % of the main job's CPU).
 */
function signed(raw: string): { raw: string; hash: string } {
  // Loaded once on first use (cached by getNativeKeccakStatus).
  const nativeKeccak = getNativeKeccakStatus()
  if (!nativeKeccak.available || !evenHex.test(raw)) return { raw, hash: keccak256(raw) }
  const digest = nativeKeccak.keccak256(Buffer.from(raw.slice(2), "hex"))
  return {
    raw,
    hash: `0x${Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString("hex")}`,
  }
}
