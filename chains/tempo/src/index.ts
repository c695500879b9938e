/** @testnet/tempo — the Tempo chain definition and task catalog. */
export {}
