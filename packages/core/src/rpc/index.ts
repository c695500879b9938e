// Public exports of the rpc folder (named exports only).
export {}
