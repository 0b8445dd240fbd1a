/**
 * 32-bit FNV-1a over a string's UTF-16 code units: the one hash behind item
 * ids, audit shards and SARIF fingerprints. Ids and shards are stored and
 * compared across runs and machines, so the arithmetic must never change.
 */

export const FNV_OFFSET_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The unsigned 32-bit hash; `basis` and `prime` give the second lane of a wider fingerprint. */
export function fnv1a(text: string, basis = FNV_OFFSET_BASIS, prime = FNV_PRIME): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime) >>> 0;
  return h;
}
