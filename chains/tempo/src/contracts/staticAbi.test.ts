import { getAddress, hexlify } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { encodeGetUserToken, encodeSetUserToken, feeManagerInterface } from "./feeManager.js"
import { encodeGetNonce, nonceInterface } from "./nonce.js"
import {
  encodeDexCancel,
  encodeDexCreatePair,
  encodeDexPlace,
  encodeDexSwapExactAmountIn,
  encodeDexSwapExactAmountOut,
  encodeDexWithdraw,
  stablecoinDexInterface,
} from "./stablecoinDex.js"
import { lowercaseAddress } from "./staticAbi.js"
import {
  encodeTip20Approve,
  encodeTip20BalanceOf,
  encodeTip20Burn,
  encodeTip20BurnWithMemo,
  encodeTip20GrantRole,
  encodeTip20HasRole,
  encodeTip20Mint,
  encodeTip20MintWithMemo,
  encodeTip20Permit,
  encodeTip20Transfer,
  encodeTip20TransferFromWithMemo,
  encodeTransferWithMemo,
  tip20Interface,
} from "./tip20.js"
import {
  encodeCreateToken,
  encodeGetTokenAddress,
  encodeIsTip20,
  tip20FactoryInterface,
} from "./tip20Factory.js"

const address = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .chain((bytes) =>
    fc.constantFrom(getAddress(hexlify(bytes)), hexlify(bytes), `0x${hexlify(bytes).slice(2).toUpperCase()}`),
  )
const tempoToken = "0x20c0000000000000000000000000000000000001"
const uint256 = fc.bigInt({ min: 0n, max: (1n << 256n) - 1n })
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => hexlify(bytes))

describe("hand-encoded static calls", () => {
  it("are byte-identical to ethers' Interface encoding", () => {
    fc.assert(
      fc.property(address, address, uint256, bytes32, (to, other, amount, word) => {
        expect(encodeTip20Transfer(to, amount)).toBe(
          tip20Interface.encodeFunctionData("transfer", [to, amount]),
        )
        expect(encodeTransferWithMemo(to, amount, word)).toBe(
          tip20Interface.encodeFunctionData("transferWithMemo", [to, amount, word]),
        )
        expect(encodeTip20Approve(to, amount)).toBe(
          tip20Interface.encodeFunctionData("approve", [to, amount]),
        )
        expect(encodeTip20Mint(to, amount)).toBe(tip20Interface.encodeFunctionData("mint", [to, amount]))
        expect(encodeTip20Burn(amount)).toBe(tip20Interface.encodeFunctionData("burn", [amount]))
        expect(encodeTip20MintWithMemo(to, amount, word)).toBe(
          tip20Interface.encodeFunctionData("mintWithMemo", [to, amount, word]),
        )
        expect(encodeTip20BurnWithMemo(amount, word)).toBe(
          tip20Interface.encodeFunctionData("burnWithMemo", [amount, word]),
        )
        expect(encodeTip20TransferFromWithMemo(to, other, amount, word)).toBe(
          tip20Interface.encodeFunctionData("transferFromWithMemo", [to, other, amount, word]),
        )
        expect(encodeTip20GrantRole(word, other)).toBe(
          tip20Interface.encodeFunctionData("grantRole", [word, other]),
        )
        expect(encodeTip20BalanceOf(to)).toBe(tip20Interface.encodeFunctionData("balanceOf", [to]))
        expect(encodeSetUserToken(to)).toBe(feeManagerInterface.encodeFunctionData("setUserToken", [to]))
        expect(encodeGetUserToken(to)).toBe(feeManagerInterface.encodeFunctionData("userTokens", [to]))
        expect(encodeGetNonce(to, amount)).toBe(nonceInterface.encodeFunctionData("getNonce", [to, amount]))
      }),
      { numRuns: 200 },
    )
  })

  it("permit too (uint8 v), and refuses a v outside uint8 as ethers does", () => {
    fc.assert(
      fc.property(
        fc.tuple(address, address, uint256, uint256),
        fc.tuple(fc.integer({ min: 0, max: 255 }), bytes32, bytes32),
        ([owner, spender, value, deadline], [v, r, s]) => {
          expect(encodeTip20Permit({ owner, spender, value, deadline, v, r, s })).toBe(
            tip20Interface.encodeFunctionData("permit", [owner, spender, value, deadline, v, r, s]),
          )
        },
      ),
      { numRuns: 200 },
    )
    const permit = {
      owner: tempoToken,
      spender: tempoToken,
      value: 1n,
      deadline: 1n,
      r: `0x${"00".repeat(32)}`,
    }
    for (const v of [256, -1, 1.5]) {
      expect(() =>
        tip20Interface.encodeFunctionData("permit", [tempoToken, tempoToken, 1n, 1n, v, permit.r, permit.r]),
      ).toThrow()
      expect(() => encodeTip20Permit({ ...permit, v, s: permit.r })).toThrow(RangeError)
    }
  })

  it("DEX and factory calls too (uint128, int16, bool, strings of any UTF-8)", () => {
    const uint128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n })
    const tick = fc.integer({ min: -32768, max: 32767 })
    fc.assert(
      fc.property(
        fc.tuple(address, address, uint128, uint128, tick, fc.boolean(), bytes32),
        fc.tuple(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.string()),
        ([token, other, amount, limit, tickValue, isBid, salt], [name, symbol, currency]) => {
          const dex = stablecoinDexInterface
          expect(encodeDexCreatePair(token)).toBe(dex.encodeFunctionData("createPair", [token]))
          expect(encodeDexPlace({ token, amount, isBid, tick: tickValue })).toBe(
            dex.encodeFunctionData("place", [token, amount, isBid, tickValue]),
          )
          expect(encodeDexCancel(amount)).toBe(dex.encodeFunctionData("cancel", [amount]))
          expect(encodeDexWithdraw(token, amount)).toBe(dex.encodeFunctionData("withdraw", [token, amount]))
          expect(
            encodeDexSwapExactAmountIn({
              tokenIn: token,
              tokenOut: other,
              amountIn: amount,
              minAmountOut: limit,
            }),
          ).toBe(dex.encodeFunctionData("swapExactAmountIn", [token, other, amount, limit]))
          expect(
            encodeDexSwapExactAmountOut({
              tokenIn: token,
              tokenOut: other,
              amountOut: amount,
              maxAmountIn: limit,
            }),
          ).toBe(dex.encodeFunctionData("swapExactAmountOut", [token, other, amount, limit]))
          const factory = tip20FactoryInterface
          expect(encodeCreateToken({ name, symbol, currency, quoteToken: token, admin: other, salt })).toBe(
            factory.encodeFunctionData("createToken", [name, symbol, currency, token, other, salt]),
          )
          expect(encodeGetTokenAddress(token, salt)).toBe(
            factory.encodeFunctionData("getTokenAddress", [token, salt]),
          )
          expect(encodeIsTip20(token)).toBe(factory.encodeFunctionData("isTIP20", [token]))
          expect(encodeTip20HasRole(token, salt)).toBe(
            tip20Interface.encodeFunctionData("hasRole", [token, salt]),
          )
        },
      ),
      { numRuns: 200 },
    )
    expect(() => encodeDexCancel(1n << 128n)).toThrow(RangeError)
    expect(() => encodeDexPlace({ token: tempoToken, amount: 1n, isBid: true, tick: 32768 })).toThrow(
      RangeError,
    )
    expect(() => encodeDexPlace({ token: tempoToken, amount: 1n, isBid: true, tick: 1.5 })).toThrow(
      RangeError,
    )
  })

  it("refuse what ethers refuses: a wrong checksum, a short address, a value outside uint256", () => {
    const checksummed = getAddress("0x000000000000000000000000000000000000beef")
    const wrongChecksum = checksummed.replace("bEEF", "BeEF")
    expect(() => tip20Interface.encodeFunctionData("transfer", [wrongChecksum, 1n])).toThrow()
    expect(() => encodeTip20Transfer(wrongChecksum, 1n)).toThrow()
    // A second time too: only valid mixed-case addresses are remembered.
    expect(() => lowercaseAddress(wrongChecksum)).toThrow()
    expect(() => encodeTip20Transfer("0xbeef", 1n)).toThrow()
    expect(() => encodeTip20Transfer(checksummed, -1n)).toThrow(RangeError)
    expect(() => encodeTip20Transfer(checksummed, 1n << 256n)).toThrow(RangeError)
    expect(() => encodeTip20GrantRole("0x12", checksummed)).toThrow(RangeError)
  })
})
