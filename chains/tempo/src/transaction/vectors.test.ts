import { describe, expect, it } from "vitest"
import { tempoAddresses } from "../contracts/addresses.js"
import { encodeTip20Transfer } from "../contracts/tip20.js"
import { developmentAccount } from "../testing/rpc.js"
import { decodeTempoTransaction } from "./decode.js"
import { tempoTransactionHash } from "./hash.js"
import { signTempoTransaction } from "./sign.js"
import { sponsorTempoTransaction } from "./sponsor.js"
import type { TempoTransactionFields } from "./types.js"

// Offline regression vectors. Each raw transaction was sent to anvil 1.7.1
// (`--network tempo --chain-id 42431 --hardfork T4`) on 2026-11-22: anvil returned exactly
// this hash and mined it with status 1. Signatures are deterministic (RFC 6979).
const fields: TempoTransactionFields = {
  chainId: 42431,
  maxPriorityFeePerGas: 1_000_000_000n,
  maxFeePerGas: 100_000_000_000n,
  gasLimit: 1_000_000n,
  calls: [
    {
      to: tempoAddresses.pathUsd,
      input: encodeTip20Transfer("0x000000000000000000000000000000000000bEEF", 1_000_000n),
    },
  ],
  nonce: 0n,
  nonceKey: 7n,
  validAfter: 1n,
  feeToken: tempoAddresses.thetaUsd,
  accessList: [{ address: tempoAddresses.pathUsd, storageKeys: [] }],
}

const plainRaw =
  "0x76f8e882a5bf843b9aca0085174876e800830f4240f85ef85c9420c000000000000000000000000000000000000080b844a9059cbb000000000000000000000000000000000000000000000000000000000000beef00000000000000000000000000000000000000000000000000000000000f4240d7d69420c0000000000000000000000000000000000000c0078080019420c000000000000000000000000000000000000380c0b8416b1e2bceb422082a5a945e3efb57f7a3af7466e456dfcf5d1eeaab3ba60deef22ffdf2a888301ef09e49f2b5a7c60514d9c3d3904c7b0f61e389c4cb39b0ee381c"
const plainHash = "0xe231794f32dfabc54a8fdb1cf843493582f7be45a0e6c3ed3ec7ee3430edb3bf"

const sponsoredRaw =
  "0x76f9012c82a5bf843b9aca0085174876e800830f4240f85ef85c9420c000000000000000000000000000000000000080b844a9059cbb000000000000000000000000000000000000000000000000000000000000beef00000000000000000000000000000000000000000000000000000000000f4240d7d69420c0000000000000000000000000000000000000c0088080019420c0000000000000000000000000000000000003f84380a05347d01684a58c5090e1dcc1447ba3583ff7bff22e6e90f7d1bd67ad01fc6f8da02f05eccb8c36498d3a0dd49aaa9abcaa4fecbc07912bb70368aa7af1460137ecc0b841b2d2a4b72569db425f1ecd547d0b2d57e20d454fdddd12c68e3663597f7505591d798fee03efb268b06d715c405095db48996b943080583bce9067ab529ff6b21c"
const sponsoredHash = "0x49f9c63e3ff9c1773940a159825dbea90acb8b332d2cb82bf8a959ef501f21f6"

describe("anvil-verified vectors", () => {
  it("signs a 2D-nonce, fee-token, access-list transaction byte for byte", () => {
    const raw = signTempoTransaction(fields, developmentAccount(0).signDigest)
    expect(raw).toBe(plainRaw)
    expect(tempoTransactionHash(raw)).toBe(plainHash)
    expect(decodeTempoTransaction(raw).unwrap().fields).toMatchObject({
      nonceKey: 7n,
      validAfter: 1n,
      sponsored: false,
    })
  })

  it("co-signs a sponsored transaction byte for byte (dev1 sends, dev0 pays)", () => {
    const senderSigned = signTempoTransaction(
      { ...fields, nonceKey: 8n, sponsored: true },
      developmentAccount(1).signDigest,
    )
    // The half-signed hand-off leaves feeToken out (the sender does not commit to it): the sponsor names it.
    const raw = sponsorTempoTransaction(senderSigned, developmentAccount(0).signDigest, {
      feeToken: tempoAddresses.thetaUsd,
    }).unwrap()
    expect(raw).toBe(sponsoredRaw)
    expect(tempoTransactionHash(raw)).toBe(sponsoredHash)
  })
})
