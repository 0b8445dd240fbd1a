/** The installed Node 24 binary for this platform when it matches tools/node24's lock, else null. */
export function node24Binary(): string | null;
/** Why there is no Node 24 binary here, or null when there is one. */
export function node24Missing(): string | null;
