// The audience's screen blacked out (b or ., a clicker's "blank screen": presenter-keys.js), one state
// for every window of the deck: pressed in the presenter view, it blacks the audience window on the
// projector, while the presenter view keeps its slide and says the screen is black. A click on the black
// screen, b or . again, Esc or a key that moves the slides shows it again. Hook: <html data-screen="black">.
// The message: ../shared/protocol.js (ScreenMessage).
import { toWindows } from '../shared/protocol.js'
import { addStyle, statusElement } from './dom.js'

const CSS = `
#black-screen { display: none; position: fixed; inset: 0; z-index: 30; background: #000; cursor: none; }
html[data-screen=black] body:not([data-bespoke-view=presenter]) #black-screen { display: block; }
body[data-bespoke-view=presenter] #black-screen { inset: 12px auto auto 20px; padding: 6px 12px; border-radius: 6px; background: #111; color: #fff;
  font: 700 16px/1.4 'Noto Sans KR', sans-serif; border: 2px solid #fbbf24; cursor: default; }
html[data-screen=black] body[data-bespoke-view=presenter] #black-screen { display: block; }
@media print { #black-screen { display: none !important; } }
`

/** @typedef {import('../shared/protocol.js').ScreenMessage} ScreenMessage */

/**
 * The deck's black screen, the same in every window of *pool* (null: this window only).
 * @param {string} label what the presenter view says while the screen is black
 * @param {import('./shared-pool.js').SharedPool | null} pool
 */
export function blackScreen(label, pool) {
  addStyle(CSS)
  const cover = statusElement()
  cover.id = 'black-screen'
  cover.textContent = document.body.dataset.bespokeView === 'presenter' ? label : ''
  document.body.append(cover)
  const screen = {
    black: false,
    /**
     * Show this state here and, unless another window said it (tell false), in every window.
     * @param {boolean} black
     */
    show(black, { tell = true } = {}) {
      if (black === screen.black) return
      screen.black = black
      if (black) document.documentElement.dataset.screen = 'black'
      else delete document.documentElement.dataset.screen
      if (tell) pool?.send(toWindows.screen(black, pool.id))
    },
  }
  cover.addEventListener('click', () => screen.show(false))
  pool?.addEventListener('message', (event) => {
    const message = /** @type {CustomEvent<ScreenMessage>} */ (event).detail
    if (message.type === 'screen' && message.from !== pool.id) screen.show(message.black, { tell: false })
  })
  return screen
}
