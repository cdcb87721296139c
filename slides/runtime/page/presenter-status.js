// Marp's presenter view: beside the notes, whether Python is ready and which cell runs
// (whichever window started it), in the deck's language. Hook: .presenter-python with
// data-status and data-running.
import { pythonStatusText } from './labels.js'
import { addStyle, statusElement } from './dom.js'

const CSS = `
.presenter-python { position: absolute; top: 6px; left: 8px; right: 8px; height: 32px; box-sizing: border-box;
  display: flex; gap: 14px; align-items: center; padding: 0 12px; overflow: hidden; white-space: nowrap;
  font: 15px/1.4 'Noto Sans KR', sans-serif; color: #fff; background: #374151; border-radius: 6px; }
/* Marp's notes fill their container: they start below the panel. */
body[data-bespoke-view=presenter] .bespoke-marp-presenter-container .bespoke-marp-presenter-note-container .bespoke-marp-presenter-note-wrapper {
  top: 44px; }
.presenter-python [data-role=python-status]::before { content: '●'; margin-right: 6px; color: #9ca3af; }
.presenter-python[data-status=ready] [data-role=python-status]::before { color: #4ade80; }
.presenter-python[data-status=failed] [data-role=python-status]::before { color: #f87171; }
.presenter-python[data-running] [data-role=python-running] { color: #fbbf24; font-weight: 700; }
/* Too long for the panel, a text ends in an ellipsis (the whole of it on hover): the running cell's
   name, after Python's status has taken its room (and that only when it alone is too long). */
.presenter-python > span { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.presenter-python [data-role=python-status] { flex: 0 0 auto; max-width: 100%; }
.presenter-python [data-role=python-running] { flex: 0 1 auto; }
`

export function showPresenterStatus(pool, text) {
  const notes = document.querySelector('.bespoke-marp-presenter-note-container')
  if (!notes) return
  addStyle(CSS)
  const panel = statusElement()
  panel.className = 'presenter-python'
  const status = document.createElement('span')
  status.dataset.role = 'python-status'
  const running = document.createElement('span')
  running.dataset.role = 'python-running'
  panel.append(status, running)
  notes.prepend(panel)

  let detail = { status: pool.status }
  const render = () => {
    const name = pool.runningName
    panel.dataset.status = detail.status
    status.textContent = pythonStatusText(text, detail)
    status.title = status.textContent
    if (name) panel.dataset.running = name
    else delete panel.dataset.running
    running.textContent = name ? text.running(name) : text.idle
    running.title = running.textContent
  }
  pool.addEventListener('status', (event) => {
    detail = event.detail
    render()
  })
  // Runs start and end in any window: look at the shared run list when it may have changed.
  pool.addEventListener('run-change', render)
  render()
}
