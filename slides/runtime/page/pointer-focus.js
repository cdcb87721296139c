// The keys stay with the deck unless the presenter meant to type. A press of the mouse gives the
// keyboard to the code itself (a line of a cell's editor) or to a control (a button, a field), and to
// nothing else: a slide's margin, the gap between a cell's panels, the output, a badge, a title, the
// presenter view's notes leave the keys with Marp's navigation, and take them from an editor that had
// them. Without this, Chromium put the caret into the nearest editable text — a click at x=30 beside a
// cell's code went into its editor, and the next → or `p` was typed into the code — and a click on a
// note (Marp makes them focusable, and keeps their keys) left → scrolling the notes.
// Tab still reaches the code and the buttons: only pointer presses are guarded.

const CODE = '.cm-line'
const CONTROL = 'button, input, select, textarea, a[href], iframe, [contenteditable]:not(.cm-content)'

/** Keep a press anywhere but on code or a control from taking the keyboard from the deck. */
export function keepKeysWithTheDeck(doc = document) {
  let pressing = false // a press outside code and controls is being handled: whatever it focuses, blur
  doc.addEventListener(
    'mousedown',
    (event) => {
      const target = /** @type {Element} */ (event.target)
      if (!target.closest || target.closest(CODE) || target.closest(CONTROL)) return
      // In an editor but off its lines (its padding, the blank under the code): CodeMirror would put
      // the caret there itself; it leaves a press alone whose default is prevented.
      if (target.closest('.cm-editor')) event.preventDefault()
      const active = doc.activeElement
      if (active instanceof HTMLElement && active !== doc.body) active.blur()
      // Elsewhere the browser's own default (a text selection in the output, say) stays: only the
      // focus it may give (the caret beside a cell's code, a note) is taken back, below.
      pressing = true
      setTimeout(() => (pressing = false))
    },
    true,
  )
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = /** @type {HTMLElement} */ (event.target)
      if (pressing && !target.matches(CONTROL)) target.blur()
    },
    true,
  )
}
