import { type FundingHook, type FundingTransfer, Ok, type TransactionFees } from "@testnet/core"
import { tempoAddresses, tip20Decimals } from "../contracts/addresses.js"
import { encodeTip20Transfer } from "../contracts/tip20.js"
import { batchCallGas, tempoGasLimits } from "../tasks/shared/gasLimits.js"
import { tempoRequest } from "../tasks/shared/tempoRequest.js"
import { tempoFeeTokens } from "../tasks/shared/tokens.js"
import { readTokenBalances } from "./balances.js"
import { fundFromFaucet } from "./faucet.js"
import { type TempoSponsor, tempoSponsor } from "./sponsor.js"

/**
 * Options of {@link createTip20FundingHook}.
 *
 * @example
 * const options: Tip20FundingOptions = { tokens: [tempoAddresses.pathUsd], faucet: false }
 */
export type Tip20FundingOptions = {
  /** The TIP-20 tokens every wallet is topped up in (default: pathUSD, AlphaUSD, BetaUSD). */
  tokens?: readonly string[]
  /** Gas limit of a plain TIP-20 transfer (the reclaim fallback; a transfer to a new holder costs ~550k under T4). */
  gasLimit?: bigint
  /**
   * Transfer calls packed into one 0x76 funding transaction (default 24, at most 32): a top-up of
   * one recipient is one call per token. The default keeps the gas limit (900k + 650k per further
   * call ≈ 15.9M) under the 2^24 transaction gas cap of EIP-7825.
   */
  callsPerTransaction?: number
  /**
   * The fee payer of sponsored transactions (undefined: none). When the runner lists it among the
   * funded wallets (the chain's `serviceWallets`), it is funded like them with `sponsorShare` times
   * the amount and reclaimed with them; otherwise it is topped up whenever a worker is.
   */
  sponsor?: { get(): TempoSponsor } | undefined
  /** The sponsor receives this many times a worker's top-up (default 10). */
  sponsorShare?: bigint
  /** Try `tempo_fundAddress` for empty wallets first (testnet faucet; default true). */
  faucet?: boolean
  /**
   * The least a wallet should hold of each token, in units (default 2_000_000 = 2 USD). Under
   * TIP-1000 gas a deploy's fee-balance check alone needs ~0.15 USD at a 20 gwei base fee, more
   * than the runner's default top-up on a real network. A wallet below half of it is reported
   * empty so the runner tops it up, and every top-up brings it to at least this.
   */
  minimumBalance?: bigint
}

/**
 * The gas limit of the batched reclaim of `calls` tokens. Measured on the T4 devnet (TIP-1000
 * prices): four transfer calls to the funder used 344,510 gas after refunds and needed a limit
 * above 540k (emptying a balance slot earns a refund only at the end), so 150k per call. The
 * limit is kept tight because Tempo reserves limit × maxFeePerGas of the fee token and what is not
 * charged stays on the wallet. It assumes the funder already holds each token (it funded the wallet
 * with it); a transfer to a new holder costs ~250k more.
 *
 * @example
 * tip20ReclaimGasLimit(4) // 640_000n
 */
export function tip20ReclaimGasLimit(calls: number): bigint {
  return 40_000n + 150_000n * BigInt(calls)
}

/** Fee in token units (6 decimals) of `gas` at the fee cap: gas prices are in attodollars (1e-18 USD). */
function maxFee(gas: bigint, fees: TransactionFees): bigint {
  const price = "gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas
  return (gas * price + 10n ** 12n - 1n) / 10n ** 12n
}

function minimum(values: readonly bigint[]): bigint {
  let lowest = values[0] ?? 0n
  for (const value of values) if (value < lowest) lowest = value
  return lowest
}

/**
 * The gas limit of a funding transaction of `calls` TIP-20 transfer calls, each possibly to a new
 * holder: the first as a plain transfer, every further one as in the batch tasks.
 *
 * @example
 * tip20FundingGasLimit(24) // 15_850_000n
 */
export function tip20FundingGasLimit(calls: number): bigint {
  return tempoGasLimits.tip20Transfer + batchCallGas * BigInt(Math.max(0, calls - 1))
}

/** Tempo allows at most 32 calls in one transaction. */
const maximumCalls = 32

/**
 * Funding for Tempo, which has no native value: each wallet's balance is its LOWEST balance among
 * the funded TIP-20 tokens (never less than `minimumBalance` after a top-up); a top-up sends that
 * amount of every token. The funder signs 0x76 transactions of up to `callsPerTransaction` transfer
 * calls (several recipients × every token each; atomic), all journaled and broadcast in one tick,
 * i.e. one JSON-RPC batch: a funder may hold only 16 pooled transactions, so packing recipients cuts
 * the rounds of blocks funding takes many-fold. The
 * sponsor used by sponsored transactions is topped up in the same round. On a faucet-enabled
 * endpoint, empty wallets are first funded with `tempo_fundAddress` and need no funder.
 *
 * @example
 * export const tempo = defineChain({ ..., fund: createTip20FundingHook() })
 */
export function createTip20FundingHook(options: Tip20FundingOptions = {}): FundingHook {
  const tokens = options.tokens ?? tempoFeeTokens
  const gasLimit = options.gasLimit ?? tempoGasLimits.tip20Transfer
  const callsPerTransaction = Math.min(maximumCalls, Math.max(1, options.callsPerTransaction ?? 24))
  const recipientsPerTransaction = Math.max(1, Math.floor(callsPerTransaction / Math.max(1, tokens.length)))
  const sponsorShare = options.sponsorShare ?? 10n
  const sponsor = "sponsor" in options ? options.sponsor : tempoSponsor
  let faucetAvailable = options.faucet ?? true
  const faucetTried = new Set<string>()
  const minimumBalance = options.minimumBalance ?? 2_000_000n
  let sponsorBalance: bigint | undefined
  /** Lowest real balance by address, and how much of it the last report hid from the runner. */
  const lastRead = new Map<string, { actual: bigint; hidden: bigint }>()
  /** Every token's balance by address, from the last read: reclaim returns all of them. */
  const tokenBalances = new Map<string, readonly bigint[]>()

  return {
    currency: { symbol: "USD", decimals: tip20Decimals },
    async balances({ rpc, addresses }) {
      // The runner lists the sponsor itself when the chain's serviceWallets are wired; otherwise
      // it is read here so a worker's top-up can top the sponsor up too.
      const sponsorAddress = sponsor?.get().address
      const sponsorListed =
        sponsorAddress !== undefined &&
        addresses.some((address) => address.toLowerCase() === sponsorAddress.toLowerCase())
      const all =
        sponsorAddress === undefined || sponsorListed ? [...addresses] : [...addresses, sponsorAddress]
      let read = await readTokenBalances(rpc, tokens, all)
      if (read.isErr()) return read
      if (faucetAvailable) {
        const empty = all.filter(
          (address, index) => minimum(read.unwrap()[index] ?? []) === 0n && !faucetTried.has(address),
        )
        if (empty.length > 0) {
          for (const address of empty) faucetTried.add(address)
          const funded = await fundFromFaucet(rpc, empty)
          if (funded === 0) faucetAvailable = false
          else read = await readTokenBalances(rpc, tokens, all)
          if (read.isErr()) return read
        }
      }
      for (const [index, address] of all.entries())
        tokenBalances.set(address.toLowerCase(), read.value[index] ?? [])
      const lowest = read.value.map(minimum)
      if (sponsorAddress !== undefined)
        sponsorBalance = sponsorListed
          ? lowest[addresses.findIndex((address) => address.toLowerCase() === sponsorAddress.toLowerCase())]
          : lowest.pop()
      return Ok(
        lowest.map((actual, index) => {
          const hidden = actual < minimumBalance / 2n ? actual : 0n
          lastRead.set((addresses[index] ?? "").toLowerCase(), { actual, hidden })
          return actual - hidden
        }),
      )
    },
    transfers({ recipients, fees, funder }) {
      const sponsorAddress = sponsor?.get().address.toLowerCase()
      const wanted = recipients.map(({ address, amount }) => {
        const { actual, hidden } = lastRead.get(address.toLowerCase()) ?? { actual: 0n, hidden: 0n }
        // The sponsor pays every sponsored transaction's fee: it gets `sponsorShare` top-ups.
        const share = address.toLowerCase() === sponsorAddress ? sponsorShare : 1n
        const toTarget = amount * share - hidden
        const toMinimum = minimumBalance - actual
        return { address, amount: toTarget > toMinimum ? toTarget : toMinimum }
      })
      const sponsorListed = recipients.some(({ address }) => address.toLowerCase() === sponsorAddress)
      if (sponsor !== undefined && !sponsorListed && recipients.length > 0) {
        let largest = 0n
        for (const { amount } of recipients) if (amount > largest) largest = amount
        const sponsorTarget = largest * sponsorShare
        if ((sponsorBalance ?? 0n) < sponsorTarget / 2n)
          wanted.push({ address: sponsor.get().address, amount: sponsorTarget - (sponsorBalance ?? 0n) })
      }
      const transfers: FundingTransfer[] = []
      for (let start = 0; start < wanted.length; start += recipientsPerTransaction) {
        const group = wanted.slice(start, start + recipientsPerTransaction)
        const calls = group.flatMap(({ address, amount }) =>
          tokens.map((token) => ({ to: token, input: encodeTip20Transfer(address, amount) })),
        )
        const batchGas = tip20FundingGasLimit(calls.length)
        // Every token pays out the group's amounts; the fee token pays the fee on top.
        const cost = group.reduce((sum, { amount }) => sum + amount, 0n) + maxFee(batchGas, fees)
        transfers.push({
          request: tempoRequest(funder, {
            calls,
            gasLimit: batchGas,
            feeToken: tokens[0] ?? tempoAddresses.pathUsd,
          }),
          recipients: group.map(({ address }) => address),
          cost,
        })
      }
      return transfers
    },
    reclaim({ to, balance, fees, wallet }) {
      const held = tokenBalances.get(wallet.address.toLowerCase())
      if (held === undefined) {
        // Balances not read by this hook (cannot happen through reclaimFunds): the lowest one only.
        const fee = maxFee(gasLimit, fees)
        const [token] = tokens
        if (token === undefined || balance <= fee * 2n) return undefined
        return { to: token, data: encodeTip20Transfer(to, balance - fee), value: 0n, gasLimit }
      }
      // One 0x76 transaction with a transfer call per token (≤ 32 calls, atomic): the fee is paid
      // in the token held most of, from what is kept back of it, so every other token is returned
      // whole and at most one fee at the cap, less the fee charged, stays behind.
      const heldByToken = tokens.map((token, index) => ({ token, amount: held[index] ?? 0n }))
      const feeSource = heldByToken.reduce((best, entry) => (entry.amount > best.amount ? entry : best))
      const batchGas = tip20ReclaimGasLimit(heldByToken.filter((entry) => entry.amount > 0n).length)
      const fee = maxFee(batchGas, fees)
      if (feeSource.amount <= fee) return undefined
      const calls = heldByToken.flatMap(({ token, amount }) => {
        const returned = token === feeSource.token ? amount - fee : amount
        return returned > 0n ? [{ to: token, input: encodeTip20Transfer(to, returned) }] : []
      })
      return tempoRequest(wallet, { calls, gasLimit: batchGas, feeToken: feeSource.token })
    },
  }
}
