/**
 * Gas limits of the access-key transactions, measured on `anvil --network tempo --hardfork T4`
 * with headroom (a key authorization writes several new storage slots at 250k each under TIP-1000;
 * only gasUsed is charged): authorize alone ~550–800k, authorize + first payment to a new holder
 * ~1.3M, a payment with an authorized key ~290k (existing holder) to ~560k (new holder),
 * authorize with call scopes + payment ~3.1M, revokeKey ~280k.
 *
 * @example
 * await context.send(accessKeyRequest(context.wallet, { calls, gasLimit: accessKeyGasLimits.authorizeAndPay }))
 */
export const accessKeyGasLimits = Object.freeze({
  authorize: 1_500_000n,
  authorizeAndPay: 2_500_000n,
  pay: 1_000_000n,
  authorizeScoped: 4_500_000n,
  revoke: 600_000n,
})
