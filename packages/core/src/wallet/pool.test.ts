import { Wallet as EthersWallet } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createWalletPool, type WalletLease } from "./pool.js"
import { createWallet, type Wallet } from "./wallet.js"

const wallets: Wallet[] = Array.from({ length: 8 }, () =>
  createWallet(EthersWallet.createRandom().privateKey).unwrap(),
)

function manualClock() {
  let time = 0
  return {
    now: () => time,
    advance(milliseconds: number) {
      time += milliseconds
    },
  }
}

describe("createWalletPool", () => {
  it("leases every wallet once, then nothing, and counts", () => {
    const pool = createWalletPool(wallets.slice(0, 3))
    const leases = [pool.lease(), pool.lease(), pool.lease()]
    expect(leases.map((lease) => lease?.wallet)).toEqual(wallets.slice(0, 3))
    expect(pool.lease()).toBeUndefined()
    expect([pool.size, pool.available, pool.leased]).toEqual([3, 0, 3])
    expect(pool.nextAvailableInMs()).toBeUndefined()
  })

  it("hands out the least recently released wallet, after its cooldown", () => {
    const clock = manualClock()
    const pool = createWalletPool(wallets.slice(0, 3), { cooldownMs: 100, now: clock.now })
    const [a, b, c] = [pool.lease()!, pool.lease()!, pool.lease()!]
    b.release()
    clock.advance(10)
    a.release()
    c.release()
    expect(pool.lease()).toBeUndefined()
    expect(pool.nextAvailableInMs()).toBe(90)
    clock.advance(90)
    expect(pool.lease()?.wallet).toBe(b.wallet)
    expect(pool.lease()).toBeUndefined()
    clock.advance(10)
    expect(pool.lease()?.wallet).toBe(a.wallet)
    expect(pool.lease()?.wallet).toBe(c.wallet)
  })

  it("ignores a second release of the same lease, even after the wallet is leased again", () => {
    const pool = createWalletPool(wallets.slice(0, 2))
    const first = pool.lease()!
    first.release()
    first.release()
    expect(pool.available).toBe(2)
    pool.lease()
    const again = pool.lease()!
    expect(again.wallet).toBe(first.wallet)
    first.release()
    expect(pool.available).toBe(0)
    expect(pool.lease()).toBeUndefined()
  })

  it("rejects duplicate wallets and a negative cooldown", () => {
    expect(() => createWalletPool([wallets[0]!, wallets[0]!])).toThrow(/appears twice/)
    expect(() => createWalletPool(wallets, { cooldownMs: -1 })).toThrow(RangeError)
    expect(createWalletPool([]).lease()).toBeUndefined()
  })

  it("stays O(1) on a large pool", () => {
    const many = Array.from({ length: 100_000 }, (_, index) => wallets[index % wallets.length]!)
    // Same wallet objects repeated would trip the duplicate check; use distinct address views.
    const distinct = many.map((wallet, index) => ({ ...wallet, address: `${index}` }) as unknown as Wallet)
    const pool = createWalletPool(distinct)
    const started = performance.now()
    for (let round = 0; round < 200_000; round++) pool.lease()!.release()
    // A scan over 100k free wallets per lease would take minutes; the ring takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it("property: never leases a wallet twice at once; every released wallet is leasable after the cooldown", () => {
    const operation = fc.oneof(
      fc.constant({ kind: "lease" as const }),
      fc.record({ kind: fc.constant("release" as const), pick: fc.nat(), twice: fc.boolean() }),
      fc.record({ kind: fc.constant("advance" as const), milliseconds: fc.integer({ min: 0, max: 50 }) }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(operation, { maxLength: 200 }),
        (size, cooldownMs, operations) => {
          const clock = manualClock()
          const pool = createWalletPool(wallets.slice(0, size), { cooldownMs, now: clock.now })
          const active: WalletLease[] = []
          const stale: WalletLease[] = []
          for (const step of operations) {
            if (step.kind === "lease") {
              const lease = pool.lease()
              if (lease !== undefined) {
                expect(active.some((held) => held.wallet === lease.wallet)).toBe(false)
                active.push(lease)
              } else {
                expect(pool.available === 0 || pool.nextAvailableInMs()! > 0).toBe(true)
              }
            } else if (step.kind === "release") {
              if (active.length > 0) {
                const [lease] = active.splice(step.pick % active.length, 1)
                lease!.release()
                if (step.twice) lease!.release()
                stale.push(lease!)
              } else if (stale.length > 0) {
                stale[step.pick % stale.length]!.release()
              }
            } else {
              clock.advance(step.milliseconds)
            }
            expect(pool.leased).toBe(active.length)
            expect(pool.available + pool.leased).toBe(size)
          }
          for (const lease of active.splice(0)) lease.release()
          clock.advance(cooldownMs)
          const leasedAgain = new Set<Wallet>()
          for (let lease = pool.lease(); lease !== undefined; lease = pool.lease())
            leasedAgain.add(lease.wallet)
          expect(leasedAgain.size).toBe(size)
        },
      ),
      { numRuns: 300 },
    )
  })
})
