// FNV-1a, 32 bits: a quick fingerprint of a text, for keys that must change when it does
// (a snapshot's name, the slide code an edit was made from). Not for anything secret.

/** The text's FNV-1a hash, as an unsigned 32-bit integer. */
export function fnv1a(text) {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
