// Public exports of the runner folder (named exports only).
export {}
