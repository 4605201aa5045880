/**
 * A server's version as the title shows it, the same way on every dialect:
 * the product and the version number (`PostgreSQL 15.19`, `MariaDB
 * 10.11.6`), without the distribution's build suffix the server reports
 * (`15.19 (Debian 15.19-0+deb12u1)`, `10.11.6-MariaDB-0+deb12u1`).
 */
export function productVersion(product: string, reported: string): string {
  const number = /^\d+(?:\.\d+)*(?:(?:alpha|beta|rc|devel)\d*)?/i.exec(reported.trim())?.[0]
  return `${product} ${number ?? reported.trim()}`.trim()
}
