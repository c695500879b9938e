/**
 * fast-check generators of the transactions the lean encoder handles (types 0 and 2, empty access
 * list), covering contract creation, zero and 32-byte values, long calldata and number/bigint forms.
 */
import { getAddress, hexlify, type TransactionLike } from "ethers"
import fc from "fast-check"

const uint256 = fc.oneof(
  fc.constant(0n),
  fc.bigInt({ min: 1n, max: 127n }),
  fc.bigInt({ min: 128n, max: 2n ** 64n }),
  fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
)
const gas = fc.oneof(fc.constant(21_000n), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }))
const nonce = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
)
const chainId = fc.oneof(
  fc.constantFrom(1, 31337, 42431, 4_294_967_295),
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.bigInt({ min: 0n, max: 2n ** 64n }),
)
const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).chain((bytes) => {
  const lower = hexlify(bytes)
  return fc.constantFrom(lower, getAddress(lower))
})
const data = fc.oneof(
  fc.constant("0x"),
  fc.uint8Array({ maxLength: 80 }).map(hexlify),
  fc.uint8Array({ minLength: 200, maxLength: 700 }).map(hexlify),
)
const numberOrBigint = (value: bigint) => (value <= 1_000_000n && value % 2n === 0n ? Number(value) : value)

/**
 * A random transaction the lean encoder accepts.
 *
 * @example
 * fc.assert(fc.property(leanTransactionArbitrary(from), (transaction) => …))
 */
export function leanTransactionArbitrary(from: string): fc.Arbitrary<TransactionLike<string>> {
  return fc
    .record({
      type: fc.constantFrom(0, 2),
      chainId,
      nonce,
      gasLimit: gas,
      to: fc.option(address, { nil: null, freq: 5 }),
      value: uint256,
      data,
      feeA: uint256,
      feeB: uint256,
      withFrom: fc.boolean(),
      withEmptyAccessList: fc.boolean(),
    })
    .map((drawn) => {
      const common = {
        chainId: drawn.chainId,
        nonce: drawn.nonce,
        gasLimit: numberOrBigint(drawn.gasLimit),
        to: drawn.to,
        value: numberOrBigint(drawn.value),
        data: drawn.data,
        ...(drawn.withFrom ? { from } : {}),
      }
      if (drawn.type === 0) return { ...common, type: 0, gasPrice: drawn.feeA }
      const [low, high] = drawn.feeA <= drawn.feeB ? [drawn.feeA, drawn.feeB] : [drawn.feeB, drawn.feeA]
      return {
        ...common,
        type: 2,
        maxPriorityFeePerGas: low,
        maxFeePerGas: high,
        ...(drawn.withEmptyAccessList ? { accessList: [] } : {}),
      }
    })
}
