/** A migration version: digits, or dotted digits as Flyway writes them (1.10 after 1.9). */
export const versionPattern = /^\d+(\.\d+)*$/
