// Public exports of the wallet folder (named exports only).
export {}
