// A label that Python or the worker names by key (labels.js `notes`, `verdicts`), said in the deck's
// language. Its own module, not labels.js: the cells' chunk needs it, the page's entry does not.

/** The label *key* of *table* said with *args*; a missing one shows its key. */
export function say(table, key, args = []) {
  const label = table[key] ?? key
  return typeof label === 'function' ? label(...args) : label
}
