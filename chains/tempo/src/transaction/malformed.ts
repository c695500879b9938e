// Internal control flow for the decoders: helpers throw this, the public functions turn it into an Err.
export class Malformed extends Error {}

/** Throws `Malformed` with `reason`; the decoder reports it as the decode error's reason. */
export function fail(reason: string): never {
  throw new Malformed(reason)
}
