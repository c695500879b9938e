// Public exports of the cli folder (named exports only).
export {}
