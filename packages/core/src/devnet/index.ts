// Public exports of the devnet folder (named exports only).
export {}
