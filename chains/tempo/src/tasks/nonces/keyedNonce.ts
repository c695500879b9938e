import { type FetchPendingNonce, Ok, type TaskRpc } from "@testnet/core"
import { AbiCoder } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeGetNonce } from "../../contracts/nonce.js"
import { expiringNonceKey } from "../../transaction/constants.js"

/**
 * The pending-nonce fetcher for Tempo's keyed nonce lanes (nonceKey ≠ 0), to pass to the runner
 * (`runLoad({ fetchKeyedNonce })`): the nonce precompile's `getNonce(account, key)` (one eth_call,
 * only the first time a lane is seen), and always 0 for the expiring-nonce key (2^256−1), whose
 * transactions all carry nonce 0. The protocol lane (key 0) is not handled here: the precompile
 * reverts for it; the runner reads it with eth_getTransactionCount.
 *
 * @example
 * await runLoad({ chain: tempo, config, fetchKeyedNonce: createTempoKeyedNonceFetcher(rpc) })
 */
export function createTempoKeyedNonceFetcher(rpc: Pick<TaskRpc, "request">): FetchPendingNonce {
  return async (lane) => {
    if (lane.nonceKey === expiringNonceKey) return Ok(0n)
    const returned = await rpc.request<string>("eth_call", [
      { to: tempoAddresses.noncePrecompile, data: encodeGetNonce(lane.address, lane.nonceKey) },
      "latest",
    ])
    return returned.map((data) => AbiCoder.defaultAbiCoder().decode(["uint64"], data)[0] as bigint)
  }
}
