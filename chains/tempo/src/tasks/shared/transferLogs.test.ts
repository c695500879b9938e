import { id } from "ethers"
import { describe, expect, it } from "vitest"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { hasTip20Approval, hasTip20Transfer } from "./transferLogs.js"

const token = "0x20C0000000000000000000000000000000000001"
const from = "0x000000000000000000000000000000000000dEaD"
const to = "0x000000000000000000000000000000000000bEEF"
const topic = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, "0")}`
const amountData = (amount: bigint) => `0x${amount.toString(16).padStart(64, "0")}`

describe("receipt event checks", () => {
  const transferLog = {
    address: token.toLowerCase(),
    topics: [id("Transfer(address,address,uint256)"), topic(from), topic(to)],
    data: amountData(42n),
  }

  it("finds the exact Transfer and nothing else", () => {
    expect(hasTip20Transfer([transferLog], { token, from, to, amount: 42n })).toBe(true)
    expect(hasTip20Transfer([transferLog], { token, from, to, amount: 41n })).toBe(false)
    expect(hasTip20Transfer([transferLog], { token, from: to, to: from, amount: 42n })).toBe(false)
    expect(hasTip20Transfer([{ ...transferLog, address: from }], { token, from, to, amount: 42n })).toBe(
      false,
    )
    expect(hasTip20Transfer([], { token, from, to, amount: 42n })).toBe(false)
    // calldata is not a log: a log-shaped string elsewhere proves nothing
    expect(
      hasTip20Transfer([{ ...transferLog, data: encodeTip20Transfer(to, 42n) }], {
        token,
        from,
        to,
        amount: 42n,
      }),
    ).toBe(false)
  })

  it("accepts TransferWithMemo and tells Approval apart", () => {
    const memo = {
      ...transferLog,
      topics: [
        id("TransferWithMemo(address,address,uint256,bytes32)"),
        topic(from),
        topic(to),
        `0x${"11".repeat(32)}`,
      ],
    }
    expect(hasTip20Transfer([memo], { token, from, to, amount: 42n })).toBe(true)
    const approval = {
      ...transferLog,
      topics: [id("Approval(address,address,uint256)"), topic(from), topic(to)],
    }
    expect(hasTip20Transfer([approval], { token, from, to, amount: 42n })).toBe(false)
    expect(hasTip20Approval([approval], { token, owner: from, spender: to, amount: 42n })).toBe(true)
    expect(hasTip20Approval([transferLog], { token, owner: from, spender: to, amount: 42n })).toBe(false)
  })
})
