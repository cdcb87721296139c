// A presenter's keys — a keyboard's or a clicker's (PageUp/PageDown, the arrows, b or ., Esc, F5) — on
// each screen, while no code is being edited (keys typed in a cell stay in it: live-cell.js).
// Marp moves the slides (PageUp/PageDown, arrows, Space) and opens the overview (o); this module adds:
// - Esc does nothing on its own. A clicker's "slide show" button sends Esc (and F5 in turn), and Marp
//   opened its overview on Esc: in the presenter view it covered the presenter's slide, and the arrow
//   keys then moved the overview's selection while the audience window followed, unseen. Esc still
//   leaves the editor (editor.js) and closes an open overview, and the browser's fullscreen; `o` opens it.
// - F5 (and Shift+F5), a clicker's "start the show", enters fullscreen instead of reloading the deck.
// - b or . (a clicker's "blank screen") blacks the audience's screen, in every window of the deck, and
//   shows it again (black-screen.js); so do Esc and any key that moves the slides.

const TYPING = '.cm-editor, input, textarea, select, [contenteditable]'
const MOVES = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', ' ', 'Home', 'End']

const overviewOpen = () => document.querySelector('.bespoke-marp-overview')?.getAttribute('data-open') === '1'

/** @param {{black: boolean, show: (black: boolean) => void}} screen the deck's black screen */
export function presenterKeys(screen) {
  window.addEventListener(
    'keydown',
    (event) => {
      const target = /** @type {Element} */ (event.target)
      if (target.closest?.(TYPING) || event.altKey || event.ctrlKey || event.metaKey) return
      if (event.key === 'Escape') {
        if (overviewOpen()) return // Marp closes it
        event.stopImmediatePropagation()
        screen.show(false)
      } else if (event.key === 'F5') {
        event.preventDefault()
        if (!document.fullscreenElement) document.body.requestFullscreen?.().catch(() => {})
      } else if (['b', 'B', '.'].includes(event.key)) {
        event.preventDefault()
        screen.show(!screen.black)
      } else if (MOVES.includes(event.key) && screen.black) {
        screen.show(false) // and Marp moves on
      }
    },
    true,
  )
}
