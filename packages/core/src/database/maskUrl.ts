/**
 * True when the database setting names a PostgreSQL server rather than a SQLite file.
 *
 * @example
 * isPostgresUrl("postgres://user@db:5432/testnet") // true
 * isPostgresUrl("./data/tempo.db") // false
 */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim())
}

/**
 * Replaces the password of a connection URL with `***` so it can be shown in errors and logs.
 * Non-URL strings (file paths) are returned unchanged. A `password=` query parameter is masked too.
 *
 * @example
 * maskDatabaseUrl("postgres://bob:hunter2@db:5432/x") // "postgres://bob:***@db:5432/x"
 */
export function maskDatabaseUrl(url: string): string {
  if (!isPostgresUrl(url)) return url
  const schemeEnd = url.indexOf("://") + 3
  // The last "@" ends the user info even when an unencoded password contains "@" or "/":
  // masking too much is harmless, showing a password is not.
  const at = url.lastIndexOf("@")
  let masked = url
  if (at > schemeEnd) {
    const userInfo = url.slice(schemeEnd, at)
    const colon = userInfo.indexOf(":")
    if (colon >= 0) masked = `${url.slice(0, schemeEnd)}${userInfo.slice(0, colon)}:***${url.slice(at)}`
  }
  return masked.replace(/([?&]password=)[^&#]*/gi, "$1***")
}
