import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../../devnet/index.js"
import { Err } from "../../result.js"
import { createRpcClient, type RpcClient } from "../../rpc/client.js"
import { createChainNonceManager } from "../chainPorts.js"
import type { RunnerRpc } from "../ports.js"
import { silentLogger } from "../ports.js"
import { learnWalletNonces } from "./walletNonces.js"

// The setup batch against a real anvil (1 s blocks): wallets that sent before (mined and still
// pending) and wallets that never sent start at the same nonces per-wallet reads give, and a
// learned lane makes the first reservation without any eth_getTransactionCount.

let devnet: Devnet
let client: RpcClient

beforeAll(async () => {
  devnet = (await startDevnet({ chainId: 31337, blockTimeSeconds: 1, accounts: 5 })).unwrap()
  client = createRpcClient({ endpoints: [devnet.rpcUrl] })
})

afterAll(async () => {
  await client?.close()
  await devnet?.stop()
})

/** The run's RPC, counting eth_getTransactionCount calls. */
function countingRpc(failFor?: string) {
  const counted = { nonceReads: 0 }
  const rpc: RunnerRpc = {
    request(method, parameters, options) {
      if (method === "eth_getTransactionCount") {
        counted.nonceReads += 1
        if (failFor !== undefined && String(parameters[0]).toLowerCase() === failFor.toLowerCase())
          return Promise.resolve(
            Err(Object.assign(new Error("refused by the test"), { code: "RPC_NODE_ERROR" })) as never,
          )
      }
      return client.request(method, parameters, options)
    },
  }
  return { rpc, counted }
}

describe("learnWalletNonces against anvil", () => {
  it("starts every wallet at its chain nonce (mined and pending sends included) in one setup batch", async () => {
    const [, earlier, pendingSender, fresh, other] = devnet.accounts
    if (earlier === undefined || pendingSender === undefined || fresh === undefined || other === undefined)
      throw new Error("the devnet has 5 accounts")
    // A wallet used before this run: three sends mined; another with two sends still pending.
    const send = (from: string) =>
      client.request<string>("eth_sendTransaction", [{ from, to: other.address, value: "0x1" }])
    for (let index = 0; index < 3; index += 1) (await send(earlier.address)).unwrap()
    for (let polls = 0; polls < 50; polls += 1) {
      const mined = (
        await client.request<string>("eth_getTransactionCount", [earlier.address, "latest"])
      ).unwrap()
      if (BigInt(mined) === 3n) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    ;(await send(pendingSender.address)).unwrap()
    ;(await send(pendingSender.address)).unwrap()
    const addresses = [earlier.address, pendingSender.address, fresh.address]

    // Per-wallet reads, as each wallet's first send made them before.
    const lazy = createChainNonceManager(client, undefined)
    const lane = (address: string) => ({ chainId: devnet.chainId, address, nonceKey: 0n })
    const perWallet = []
    for (const address of addresses) perWallet.push((await lazy.reserve(lane(address))).unwrap().nonce)
    expect(perWallet[0]).toBe(3n)
    expect(perWallet[1]).toBe(2n)
    expect(perWallet[2]).toBe(0n)

    const { rpc, counted } = countingRpc()
    const nonces = createChainNonceManager(rpc, undefined)
    const learned = await learnWalletNonces({
      rpc,
      nonces,
      chainId: devnet.chainId,
      addresses,
      logger: silentLogger,
    })
    expect(learned).toBe(3)
    expect(counted.nonceReads).toBe(3)
    const batched = []
    for (const address of addresses) batched.push((await nonces.reserve(lane(address))).unwrap().nonce)
    expect(batched).toEqual(perWallet)
    expect(counted.nonceReads).toBe(3) // the first reservations read nothing more
  })

  it("leaves a wallet whose read failed to its first send, which reads it then", async () => {
    const [, , , fresh, other] = devnet.accounts
    if (fresh === undefined || other === undefined) throw new Error("the devnet has 5 accounts")
    const { rpc, counted } = countingRpc(other.address)
    const nonces = createChainNonceManager(rpc, undefined)
    const addresses = [fresh.address, other.address]
    expect(
      await learnWalletNonces({ rpc, nonces, chainId: devnet.chainId, addresses, logger: silentLogger }),
    ).toBe(1)
    expect(counted.nonceReads).toBe(2)
    const lane = { chainId: devnet.chainId, address: other.address, nonceKey: 0n }
    expect(nonces.reserveSync(lane)).toBeUndefined()
    expect(
      (await nonces.reserve({ chainId: devnet.chainId, address: fresh.address, nonceKey: 0n })).unwrap()
        .nonce,
    ).toBe(0n)
    expect(counted.nonceReads).toBe(2)
  })
})
