import { getAddress, hexlify } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { accountKeychainAddress, accountKeychainInterface } from "../../contracts/accountKeychain.js"
import { hasKeychainEvent, keychainEvents } from "./accessKeyEvents.js"

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => getAddress(hexlify(bytes)))
const names = ["KeyAuthorized", "KeyRevoked", "AccessKeySpend"] as const
const token = "0x20C0000000000000000000000000000000000001"

function eventLog(
  name: (typeof names)[number],
  account: string,
  keyId: string,
  emitter = accountKeychainAddress,
) {
  const values: Record<(typeof names)[number], unknown[]> = {
    KeyAuthorized: [account, keyId, 1, 99n],
    KeyRevoked: [account, keyId],
    AccessKeySpend: [account, keyId, token, 5n, 7n],
  }
  const fragment = accountKeychainInterface.getEvent(name)
  if (fragment === null) throw new Error(name)
  return { address: emitter, ...accountKeychainInterface.encodeEventLog(fragment, values[name]) }
}

describe("hasKeychainEvent (topics compared without decoding)", () => {
  it("agrees with the decoded events for every event, account and key, in any letter case", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...names),
        fc.tuple(address, address, address, address),
        fc.boolean(),
        (logged, asked, [account, keyId, otherAccount, otherKey], lowercase) => {
          const logs = [eventLog(logged, account, keyId)]
          const ask = (who: string, key: string) =>
            hasKeychainEvent(logs, asked, lowercase ? who.toLowerCase() : who, key)
          const decoded = (who: string, key: string) =>
            keychainEvents(logs, asked).some(
              (event) =>
                getAddress(String(event.account)) === who && getAddress(String(event.publicKey)) === key,
            )
          for (const [who, key] of [
            [account, keyId],
            [otherAccount, keyId],
            [account, otherKey],
          ] as const)
            expect(ask(who, key)).toBe(decoded(who, key))
          expect(ask(account, keyId)).toBe(logged === asked)
        },
      ),
      { numRuns: 200 },
    )
  })

  it("ignores the same event emitted by another contract", () => {
    const account = getAddress(`0x${"11".repeat(20)}`)
    const keyId = getAddress(`0x${"22".repeat(20)}`)
    const elsewhere = [eventLog("KeyRevoked", account, keyId, token)]
    expect(hasKeychainEvent(elsewhere, "KeyRevoked", account, keyId)).toBe(false)
    expect(hasKeychainEvent([eventLog("KeyRevoked", account, keyId)], "KeyRevoked", account, keyId)).toBe(
      true,
    )
  })
})
