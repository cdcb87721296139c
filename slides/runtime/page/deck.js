// Entry point of the live deck (bundled to dist/runtime/deck.js by `invoke build`).
// Python starts loading in a worker as soon as the deck opens; every demo cell
// on the slides becomes a live cell. Page-level hooks for tests and tooling:
// <html data-python-status="loading|ready|failed"> and window.liveDeck.
// Every window of a deck (presenter view, audience window, a second tab) shares one
// Python and one run per cell: leadership.js, shared-pool.js, cell-sync.js.
import { PythonPool } from './python-pool.js'
import { SharedPool } from './shared-pool.js'
import { deckLockName, leadership } from './leadership.js'
import { showPresenterStatus } from './presenter-status.js'
import { labels, pythonStatusText } from './labels.js'
import { loadFontFallback } from './font-fallback.js'
import { VIEWS_WITHOUT_PYTHON, forwardedSwitches } from '../shared/boot-constants.js'
import { keepKeysWithTheDeck } from './pointer-focus.js'
import { presenterKeys } from './presenter-keys.js'
import { blackScreen } from './black-screen.js'
import { checkSharedPosition } from './slide-position.js'
import { addStyle, statusElement } from './dom.js'

// The badge lives outside the slides, so the Marp theme (scoped to sections) cannot style it. Top left:
// Marp's navigation bar has the top right (runtime-script.mjs). The presenter view has no badge: its
// panel over the notes says the same (presenter-status.js), and the badge covered the next slide's preview.
const BADGE_CSS = `
#python-status { position: fixed; left: 12px; top: 6px; z-index: 10; padding: 4px 10px;
  border-radius: 999px; font: 13px/1.4 'Noto Sans KR', sans-serif; color: #fff; background: #6b7280;
  opacity: 0.85; pointer-events: none; }
#python-status[data-status='ready'] { background: #1d7a3a; animation: python-ready-fade 1s 4s forwards; }
@keyframes python-ready-fade { to { opacity: 0; } }
#python-status[data-status='failed'] { background: #b3261e; opacity: 1; }
@media print { #python-status { display: none; } }
body[data-bespoke-view=presenter] #python-status { display: none; }
/* Marp's presenter view makes its slide click-through; the live cells must stay usable there. */
body[data-bespoke-view=presenter] .bespoke-marp-active .live-cell { pointer-events: auto; }
/* Its notes sit outside the themed slides: give them the deck's bundled Korean font. */
body[data-bespoke-view=presenter] .bespoke-marp-presenter-note-container { font-family: 'Noto Sans KR', sans-serif; word-break: keep-all; }
`

function statusBadge() {
  addStyle(BADGE_CSS)
  const badge = statusElement()
  badge.id = 'python-status'
  document.body.append(badge)
  return badge
}

async function start() {
  const params = new URLSearchParams(location.search)
  // Marp's presenter view previews the next slide in an iframe (?view=next), its
  // overview shows thumbnails (?view=overview): no Python there.
  if (VIEWS_WITHOUT_PYTHON.includes(params.get('view') ?? '')) return
  keepKeysWithTheDeck()

  const text = labels()
  const badge = statusBadge()
  // Test and benchmark switches, passed on to the workers: ?jspi=off, ?snapshots=off.
  const forwarded = forwardedSwitches(params)
  const query = forwarded.size ? `?${forwarded}` : ''
  // Without Web Locks (a page not served from localhost or https) each window runs its own Python.
  const lead = navigator.locks ? leadership(deckLockName(forwarded)) : null
  if (lead) checkSharedPosition(lead.first)
  const pool = lead ? new SharedPool({ name: deckLockName(forwarded), query, leadership: lead }) : new PythonPool({ query })
  /** @param {import('../shared/protocol.js').StatusDetail} detail */
  const show = ({ status, python, reason, mode, bootMs, boot }) => {
    document.documentElement.dataset.pythonStatus = status
    if (mode) document.documentElement.dataset.pythonMode = mode
    if (boot) document.documentElement.dataset.pythonBoot = boot // cold | snapshot
    if (bootMs) document.documentElement.dataset.pythonBootMs = String(Math.round(bootMs))
    // When, in ms since the page opened, Python (last) became ready: what `invoke bench` times.
    if (status === 'ready') document.documentElement.dataset.pythonReadyAt = String(Math.round(performance.now()))
    badge.dataset.status = status
    badge.textContent = pythonStatusText(text, { status, python, reason })
  }
  show({ status: 'loading' })
  // A window is ready to run once its cells are wired too: a presenter view may hear "ready" from the
  // leading window before its own cells exist. Statuses show from then on, in order.
  /** @type {(value?: unknown) => void} */
  let cellsWired
  const wiring = new Promise((resolve) => (cellsWired = resolve))
  pool.addEventListener('status', (event) => wiring.then(() => show(/** @type {CustomEvent} */ (event).detail)))
  // What only typing needs — the full fonts, CodeMirror — loads once Python is up (or has failed),
  // or after 5 s regardless: off the boot's critical path. Once: later statuses (after Stop) skip it.
  let typingLoaded = false
  const afterBoot = () => {
    if (typingLoaded) return
    typingLoaded = true
    loadFontFallback()
    import('./lazy-editor.js').then(({ loadEditor }) => loadEditor())
  }
  pool.addEventListener('status', (event) => /** @type {CustomEvent} */ (event).detail.status !== 'loading' && afterBoot())
  setTimeout(afterBoot, 5000)
  if (document.body.dataset.bespokeView === 'presenter') showPresenterStatus(pool, text)
  presenterKeys(blackScreen(text.blackScreen, pool instanceof SharedPool ? pool : null))

  // The cells load while Python boots (the worker starts first); their editor later (lazy-editor.js).
  try {
    const [{ LiveCell }, { followLineSteps }, { syncCells }, { attachEditStore }, { attachExercise }] = await Promise.all([
      import('./live-cell.js'),
      import('./line-steps.js'),
      import('./cell-sync.js'),
      import('./edit-store.js'),
      import('./exercise.js'),
    ])
    const cells = [...document.querySelectorAll('.live-cell[data-demo]')].map((root) => new LiveCell(root, pool, text))
    cells.forEach(followLineSteps)
    for (const cell of cells) {
      attachEditStore(cell, text)
      attachExercise(cell, text)
    }
    if (pool instanceof SharedPool) syncCells(cells, pool)
    window.liveDeck = { pool, cells, labels: text, cell: (name) => cells.find((cell) => cell.name === name) }
  } finally {
    cellsWired() // a failed import still lets Python's status (a failure too, then) show
    if (pool instanceof SharedPool && !pool.views) pool.open(() => []) // and the windows still greet
  }
}

start()
