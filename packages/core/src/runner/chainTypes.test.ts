import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseReceipt, type RpcReceipt } from "./chainTypes.js"

const hex = (length: number) =>
  fc
    .array(fc.constantFrom(..."0123456789abcdef"), { minLength: length, maxLength: length })
    .map((digits) => `0x${digits.join("")}`)

// What a node sends for each log: tasks read address, topics and data; the rest are copies of
// the receipt's own fields that a receipt alive for a task's whole run need not hold.
const nodeLog = fc.record({
  address: hex(40),
  topics: fc.array(hex(64), { maxLength: 4 }),
  data: hex(64),
  blockHash: hex(64),
  blockNumber: fc.constant("0x2"),
  transactionHash: hex(64),
  transactionIndex: fc.constant("0x0"),
  logIndex: fc.constant("0x1"),
  removed: fc.constant(false),
})

describe("parseReceipt", () => {
  it("keeps each log's address, topics and data, in order, and nothing else of it", () => {
    fc.assert(
      fc.property(fc.array(nodeLog, { maxLength: 6 }), (logs) => {
        const raw: RpcReceipt = {
          transactionHash: `0x${"A".repeat(64)}`,
          blockNumber: "0x2",
          status: "0x1",
          gasUsed: "0x5208",
          from: `0x${"1".repeat(40)}`,
          logs,
        }
        const receipt = parseReceipt(raw, 5)
        expect(receipt.logs).toEqual(logs.map(({ address, topics, data }) => ({ address, topics, data })))
        for (const log of receipt.logs) expect(Object.keys(log)).toEqual(["address", "topics", "data"])
        expect(receipt).toMatchObject({ hash: `0x${"a".repeat(64)}`, blockNumber: 2n, blockTimestamp: 5 })
      }),
    )
  })
})
