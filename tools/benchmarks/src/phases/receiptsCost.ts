/**
 * Calibration of anvil's eth_getBlockReceipts: anvil CPU per receipt for blocks of growing size.
 * (On anvil 1.7.1 it grows with the block — superlinear — which bounds any tracker that reads
 * receipts per block.) Blocks are built with interval mining off and one evm_mine per size.
 */
import { readFileSync } from "node:fs"
import { createFastWallet } from "@testnet/core/wallet"
import { benchChainId, sink, transferFees, withDevnet } from "../devnet.js"
import { createJsonRpc } from "../jsonRpc.js"

/**
 * anvil CPU per receipt, and per transaction hash (eth_getBlockByNumber without bodies), by block size.
 *
 * @example
 * const rows = await measureReceiptsCost([250, 1000, 2000])
 */
export type ReceiptsCost = { blockSize: number; anvilUsPerReceipt: number; anvilUsPerHash: number }

function anvilCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * Builds one block per size and times the two ways of reading it.
 *
 * @example
 * const rows = await measureReceiptsCost([200, 1000])
 */
export async function measureReceiptsCost(sizes: readonly number[]): Promise<ReceiptsCost[]> {
  const senders = 20
  return withDevnet({ chainId: benchChainId, accounts: senders, blockTimeSeconds: 3600 }, async (devnet) => {
    const rpc = createJsonRpc(devnet.rpcUrl)
    const signers = devnet.accounts.map((account) => createFastWallet(account.privateKey).unwrap())
    const nonces = signers.map(() => 0)
    const rows: ReceiptsCost[] = []
    for (const size of sizes) {
      const raws = Array.from({ length: size }, (_, index) => {
        const sender = index % senders
        const nonce = nonces[sender] ?? 0
        nonces[sender] = nonce + 1
        return (signers[sender] as (typeof signers)[number]).signTransaction({
          ...transferFees,
          chainId: benchChainId,
          nonce,
          to: sink,
          value: 1n,
        })
      })
      for (let index = 0; index < raws.length; index += 200)
        await rpc.batch(
          raws.slice(index, index + 200).map((raw) => ({ method: "eth_sendRawTransaction", params: [raw] })),
        )
      await rpc.call("evm_mine", [])
      const head = await rpc.call<string>("eth_blockNumber", [])
      const beforeReceipts = anvilCpuMs(devnet.pid)
      const receipts = await rpc.call<unknown[]>("eth_getBlockReceipts", [head])
      const afterReceipts = anvilCpuMs(devnet.pid)
      await rpc.call("eth_getBlockByNumber", [head, false])
      const afterHashes = anvilCpuMs(devnet.pid)
      rows.push({
        blockSize: receipts.length,
        anvilUsPerReceipt: ((afterReceipts - beforeReceipts) * 1000) / Math.max(1, receipts.length),
        anvilUsPerHash: ((afterHashes - afterReceipts) * 1000) / Math.max(1, receipts.length),
      })
    }
    return rows
  })
}
