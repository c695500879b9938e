import { Wallet } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../devnet/index.js"
import { createGasManager } from "../gas/gasManager.js"
import { Err, Ok, type Result } from "../result.js"
import type { NonceLane } from "./lane.js"
import { createNonceManager } from "./nonceManager.js"
import type { NonceReservation } from "./reservation.js"

// The nonce and gas managers against a real anvil (0.5 s blocks, never automine): a gap left by
// a released nonce is reported by findGaps and filled by the next reservation, and a nonce taken
// by another sender is classified, resynced and not reused.

let devnet: Devnet
let requestId = 0

async function rpc<T>(method: string, params: unknown[]): Promise<Result<T, Error & { code?: string }>> {
  const response = await fetch(devnet.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++requestId, method, params }),
  })
  const body = (await response.json()) as { result?: T; error?: { message: string } }
  if (body.error === undefined) return Ok(body.result as T)
  // The RPC client classifies node errors into codes; this test maps the one it provokes.
  const code = /nonce too low/i.test(body.error.message) ? "RPC_NONCE_TOO_LOW" : "RPC_NODE_ERROR"
  return Err(Object.assign(new Error(body.error.message), { code }))
}

async function head() {
  const block = (
    await rpc<{ number: string; baseFeePerGas: string; gasLimit: string }>("eth_getBlockByNumber", [
      "latest",
      false,
    ])
  ).unwrap()
  return {
    number: BigInt(block.number),
    baseFeePerGas: BigInt(block.baseFeePerGas),
    gasLimit: BigInt(block.gasLimit),
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error("timed out")
}

beforeAll(async () => {
  devnet = (await startDevnet({ chainId: 31337, blockTimeSeconds: 0.5, accounts: 3 })).unwrap()
})

afterAll(async () => {
  await devnet?.stop()
})

describe("nonce manager against anvil", () => {
  it("reports a gap, fills it with the released nonce, and resyncs after a nonce was taken", async () => {
    const account = devnet.accounts[1]!
    const wallet = new Wallet(account.privateKey)
    const lane: NonceLane = { chainId: devnet.chainId, address: wallet.address, nonceKey: 0n }
    const manager = createNonceManager({
      fetchPendingNonce: async (requested) =>
        (await rpc<string>("eth_getTransactionCount", [requested.address, "pending"])).map(BigInt),
    })
    const gas = createGasManager({ eip1559: true, minPriorityFeePerGas: 1n })
    const recipient = devnet.accounts[2]!.address

    const send = async (nonce: bigint) => {
      gas.updateFromBlock(await head(), 1n)
      const fees = gas.currentFees().unwrap() as { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }
      const raw = await wallet.signTransaction({
        type: 2,
        chainId: devnet.chainId,
        nonce: Number(nonce),
        to: recipient,
        value: 1n,
        gasLimit: 21_000n,
        ...fees,
      })
      return rpc<string>("eth_sendRawTransaction", [raw])
    }
    const submit = async (reservation: NonceReservation) => {
      const sent = await send(reservation.nonce)
      if (sent.isOk()) reservation.markSubmitted((await head()).number)
      else return reservation.markRejected(sent.error)
      return "submitted"
    }
    const chainNonce = async () =>
      BigInt((await rpc<string>("eth_getTransactionCount", [wallet.address, "latest"])).unwrap())

    // Reserve 0…3; 0 is held by a "slow worker" while 1…3 reach the node (queued behind the gap).
    const reservations: NonceReservation[] = []
    for (let index = 0; index < 4; index++) reservations.push((await manager.reserve(lane)).unwrap())
    expect(reservations.map((reservation) => reservation.nonce)).toEqual([0n, 1n, 2n, 3n])
    for (const reservation of reservations.slice(1)) expect(await submit(reservation)).toBe("submitted")
    reservations[0]!.release()

    let gaps: ReturnType<typeof manager.findGaps> = []
    await waitUntil(async () => {
      gaps = manager.findGaps((await head()).number, 2)
      return gaps.length > 0
    })
    expect(gaps).toMatchObject([{ kind: "missing", expected: 0n, found: 1n }])
    expect(await chainNonce()).toBe(0n) // nothing mined across the gap

    // The filler reservation gets exactly the missing nonce; then everything is mined.
    const filler = manager.reserveSync(lane)!
    expect(filler.nonce).toBe(0n)
    expect(await submit(filler)).toBe("submitted")
    await waitUntil(async () => (await chainNonce()) === 4n)
    manager.confirm(lane, 4n)
    expect(manager.getLane(lane).unwrap()).toMatchObject({ confirmed: 4n, submitted: [], released: [] })

    // Another process with the same key uses nonce 4 behind the manager's back.
    const stolen = manager.reserveSync(lane)!
    expect(stolen.nonce).toBe(4n)
    expect((await send(4n)).isOk()).toBe(true)
    await waitUntil(async () => (await chainNonce()) === 5n)
    expect(await submit(stolen)).toBe("resync")
    expect(manager.reserveSync(lane)).toBeUndefined() // stale: the next reserve refetches
    const next = (await manager.reserve(lane)).unwrap()
    expect(next.nonce).toBe(5n)
    expect(await submit(next)).toBe("submitted")
    await waitUntil(async () => (await chainNonce()) === 6n)
  })
})
