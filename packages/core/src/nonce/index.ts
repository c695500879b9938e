// Public exports of the nonce folder (named exports only).
export {}
