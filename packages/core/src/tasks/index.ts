// Public exports of the tasks folder (named exports only).
export {}
