import { describe, expect, it } from "vitest"
import { Err, Ok, type Result } from "../result.js"
import { createGasLimitCache } from "./gasLimitCache.js"

function deferred() {
  let resolve: (result: Result<bigint, unknown>) => void = () => {}
  const promise = new Promise<Result<bigint, unknown>>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

describe("createGasLimitCache", () => {
  it("estimates a shape once, adds 20 % headroom by default, then serves it synchronously", async () => {
    const cache = createGasLimitCache()
    let calls = 0
    const estimate = async () => {
      calls++
      return Ok(50_001n)
    }
    expect((await cache.gasLimitFor("transfer", estimate)).unwrap()).toBe(60_002n)
    expect((await cache.gasLimitFor("transfer", estimate)).unwrap()).toBe(60_002n)
    expect(cache.cachedGasLimit("transfer")).toBe(60_002n)
    expect(calls).toBe(1)
  })

  it("shares one estimate between concurrent callers of a shape", async () => {
    const cache = createGasLimitCache({ headroomPercent: 0 })
    const pending = deferred()
    let calls = 0
    const estimate = () => {
      calls++
      return pending.promise
    }
    const all = [cache.gasLimitFor("mint", estimate), cache.gasLimitFor("mint", estimate)]
    expect(cache.cachedGasLimit("mint")).toBeUndefined()
    pending.resolve(Ok(70_000n))
    expect((await Promise.all(all)).map((result) => result.unwrap())).toEqual([70_000n, 70_000n])
    expect(calls).toBe(1)
  })

  it("returns GasEstimationFailedError with the cause and does not cache failures", async () => {
    const cache = createGasLimitCache()
    const cause = Object.assign(new Error("execution reverted"), { code: "RPC_EXECUTION_REVERTED" })
    const failed = await cache.gasLimitFor("swap", async () => Err(cause))
    expect(failed.isErr() && failed.error.code).toBe("GAS_ESTIMATION_FAILED")
    expect(failed.isErr() && failed.error.cause).toBe(cause)
    const thrown = await cache.gasLimitFor("swap", () => {
      throw new Error("boom")
    })
    expect(thrown.isErr() && thrown.error.shapeKey).toBe("swap")
    const zero = await cache.gasLimitFor("swap", async () => Ok(0n))
    expect(zero.isErr()).toBe(true)
    expect((await cache.gasLimitFor("swap", async () => Ok(100n))).unwrap()).toBe(120n)
  })

  it("re-estimates after invalidate, and an invalidate during an estimate keeps it out of the cache", async () => {
    const cache = createGasLimitCache({ headroomPercent: 10 })
    await cache.gasLimitFor("deploy", async () => Ok(100n))
    cache.invalidate("deploy")
    expect(cache.cachedGasLimit("deploy")).toBeUndefined()
    const pending = deferred()
    const during = cache.gasLimitFor("deploy", () => pending.promise)
    cache.invalidate("deploy")
    pending.resolve(Ok(200n))
    expect((await during).unwrap()).toBe(220n)
    expect(cache.cachedGasLimit("deploy")).toBeUndefined()
    expect((await cache.gasLimitFor("deploy", async () => Ok(300n))).unwrap()).toBe(330n)
  })

  it("returns a fixed limit as is, without caching", async () => {
    const cache = createGasLimitCache()
    expect((await cache.gasLimitFor("transfer", 21_000n)).unwrap()).toBe(21_000n)
    expect(cache.cachedGasLimit("transfer")).toBeUndefined()
  })
})
