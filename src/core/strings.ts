/** Small wording helpers every layer shares. Pure. */

/** "1 file", "2 files": a count and its noun, plural with an `s`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A URL or path without its trailing slashes ("https://ghe.example/" to "https://ghe.example"). */
export function trimTrailingSlashes(text: string): string {
  // The look-behind keeps the match linear on long runs of slashes.
  return text.replace(/(?<!\/)\/+$/, '');
}

/** What a thrown value says: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first line of what a thrown value says: for one-line logs and notes (HTTP errors carry the response body after it). */
export function errorLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
