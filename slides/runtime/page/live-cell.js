// One live cell on a slide: editable code, Run / Stop / Reset, streamed output
// and an elapsed-time badge. Test hooks (see README): data-demo, data-state,
// data-mode, [data-action], [data-role=output|elapsed], and while a read of sys.stdin waits, data-reading
// and the field [data-role=stdin] (stdin-field.js).
// Modules that add to a cell (exercise.js, edit-store.js, cell-sync.js) listen to its root's
// events — cell:code (the code was edited), cell:run (a run is queued), cell:done (detail: the
// run's outcome), cell:reset — add toolbar buttons with addButton(), and pass fields to the
// worker through `request` (an exercise's grader). Other windows' runs are rendered through
// play() and restore() (cell-sync.js). A run's request, callbacks and outcome: ../shared/protocol.js.
import { lazyEditor } from './lazy-editor.js'
import { say } from './say.js'
import { StdinField } from './stdin-field.js'

/** @typedef {import('../shared/protocol.js').RunRequest} RunRequest */
/** @typedef {import('../shared/protocol.js').RunCallbacks} RunCallbacks */
/** @typedef {import('../shared/protocol.js').Outcome} Outcome */
/** @typedef {import('../shared/protocol.js').CellView} CellView */
/** @typedef {import('../shared/protocol.js').ExerciseState} ExerciseState */
/** @typedef {import('../shared/protocol.js').StdinRead} StdinRead */
/** @typedef {(callbacks: RunCallbacks) => Promise<Outcome>} RunSource */

const TICK_MS = 100

function button(action, text, title) {
  const el = document.createElement('button')
  el.type = 'button'
  el.dataset.action = action
  el.className = `cell-button cell-${action}`
  el.textContent = text
  if (title) el.title = title
  return el
}

export class LiveCell {
  constructor(root, pool, text) {
    this.root = root
    this.pool = pool
    this.text = text
    this.name = root.dataset.demo
    this.keep = root.dataset.namespace === 'keep'
    const pre = root.querySelector('[data-role=code]')
    this.original = pre.querySelector('code').textContent
    this.output = root.querySelector('[data-role=output]')
    this.result = null // the last finished run's result (cell:done's detail), for windows opened later
    this.timeline = document.createElement('div')
    this.timeline.className = 'cell-timeline'
    this.timeline.dataset.role = 'timeline'
    this.output.after(this.timeline)
    this.output.dataset.placeholder = text.placeholder
    this.pending = [] // output lines waiting for the next animation frame
    this.flushing = false // a frame is asked for
    /** @type {StdinRead|null} the run's read of sys.stdin that waits for a line (drawn at the next frame) */
    this.read = null
    this.stdin = new StdinField(root, this.output, { label: text.stdin }, (readId, line) => {
      this.#setRead(null)
      this.pool.answer(this.name, readId, line)
    })
    this.pre = pre
    this.editor = null
    this.generation = 0 // bumped by Reset, so a stopped run does not write into a reset cell
    this.startCode = null // the code the editor opens with, when not the slide's (a kept edit)
    /** @type {Partial<RunRequest>} extra fields of this cell's run requests */
    this.request = {}
    /** @type {{state: ExerciseState, restore: (state: ExerciseState) => void}|null} an exercise's hints and solution (exercise.js) */
    this.exercise = null
    this.#buildToolbar()
    this.#mountEditorWhenVisible()
    // Keys typed in a cell edit the code; they must never move the slides.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      root.addEventListener(type, (event) => event.stopPropagation())
    }
    // A button clicked with the mouse hands the keyboard back to the deck: Marp ignores keys on a
    // focused button, so a presenter's next → or clicker PageDown after Reset would do nothing. A
    // button pressed from the keyboard (detail 0) keeps the focus where the user put it.
    root.addEventListener('click', (event) => {
      if (event.detail > 0) event.target.closest?.('button')?.blur()
    })
    this.#setState('idle')
    root.dataset.live = '' // the runtime runs this cell: recorded output gives way to live output
  }

  // CodeMirror measures its layout; Marp hides inactive slides, so mount on first sight.
  #mountEditorWhenVisible() {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      this.#ensureEditor()
    })
    observer.observe(this.root)
  }

  #ensureEditor() {
    this.editor ??= lazyEditor(this.pre, {
      code: this.startCode ?? this.original,
      onRun: () => this.run(),
      onChange: (code) => this.#emit('cell:code', code),
    })
    return this.editor
  }

  #emit(type, detail) {
    this.root.dispatchEvent(new CustomEvent(type, { detail }))
  }

  /** A toolbar button of another module, before the elapsed-time badge. */
  addButton(action, text, title) {
    const el = button(action, text, title)
    this.elapsed.before(el)
    return el
  }

  #buildToolbar() {
    const bar = document.createElement('div')
    bar.className = 'cell-toolbar'
    this.runButton = button('run', `▶ ${this.text.run}`, this.text.runHint)
    this.stopButton = button('stop', `■ ${this.text.stop}`)
    this.resetButton = button('reset', `↺ ${this.text.reset}`)
    this.elapsed = document.createElement('span')
    this.elapsed.className = 'cell-elapsed'
    this.elapsed.dataset.role = 'elapsed'
    this.modeTag = document.createElement('span')
    this.modeTag.className = 'cell-mode'
    this.modeTag.dataset.role = 'mode'
    bar.append(this.runButton, this.stopButton, this.resetButton, this.elapsed, this.modeTag)
    this.runButton.addEventListener('click', () => this.run())
    this.stopButton.addEventListener('click', () => this.stop())
    this.resetButton.addEventListener('click', () => this.reset())
    this.root.querySelector('.cell-side').prepend(bar)
  }

  #setState(state) {
    this.state = state
    this.root.dataset.state = state
    const active = state === 'running' || state === 'queued'
    this.runButton.disabled = active
    this.stopButton.disabled = !active
  }

  #append(stream, text) {
    this.pending.push([stream, text])
    // A line printed while a read waits ends the prompt's line: the field moves to a line of its own.
    if (this.read) this.read = { ...this.read, prompt: '' }
    this.#schedule()
  }

  /** @param {StdinRead|null} read */
  #setRead(read) {
    this.read = read
    this.#schedule()
  }

  #schedule() {
    if (this.flushing) return
    this.flushing = true
    requestAnimationFrame(() => this.#flush())
  }

  #flush() {
    // One DOM update per frame, however fast Python prints.
    this.flushing = false
    if (this.pending.length) {
      const fragment = document.createDocumentFragment()
      for (const [stream, text] of this.pending) {
        const line = document.createElement('span')
        line.className = `line ${stream}`
        line.textContent = `${text}\n`
        fragment.append(line)
      }
      this.pending = []
      this.stdin.insert(fragment)
      this.output.scrollTop = this.output.scrollHeight
    }
    if (this.read?.id !== this.stdin.read?.id || this.read?.prompt !== this.stdin.read?.prompt) this.stdin.show(this.read)
  }

  // A platform note named by the worker (platform_notes.py), in the deck's language.
  #note(key, args = []) {
    return say(this.text.notes, key, args)
  }

  #drawTimeline(svg) {
    // Drawn by the Python tracer (asyncio_timeline.py), the same code that draws the PDF's pictures.
    this.timeline.innerHTML = svg
    this.root.dataset.timeline = 'live'
  }

  #clearTimeline() {
    this.timeline.replaceChildren()
    delete this.root.dataset.timeline
  }

  #clearOutput() {
    this.read = null
    this.stdin.show(null)
    this.output.replaceChildren()
    this.pending = []
  }

  #clearElapsed() {
    this.elapsed.textContent = ''
    delete this.elapsed.dataset.elapsedMs
  }

  #showElapsed(ms) {
    // The badge is written from the whole milliseconds other windows receive (cell-sync.js), so
    // every window rounds alike (2005.4 ms showed 2.01 s here and 2.00 s in a late window).
    const whole = Math.round(ms)
    this.elapsed.dataset.elapsedMs = String(whole)
    this.elapsed.textContent = `${(whole / 1000).toFixed(2)} s`
  }

  #showMode(mode) {
    if (!mode) return
    this.root.dataset.mode = mode
    this.modeTag.textContent = mode === 'jspi' ? 'JSPI' : 'compat'
    this.modeTag.title = this.text[mode]
  }

  run() {
    if (this.state === 'running' || this.state === 'queued') return
    const request = { ...this.request, code: this.#ensureEditor().getCode(), name: this.name, keep: this.keep }
    return this.play((callbacks) => this.pool.run(request, callbacks))
  }

  /**
   * Render a run: `source(callbacks)` starts it (this cell's Run) or follows one another
   * window started (cell-sync.js), and resolves with its result. `resume` continues a run
   * restore() has drawn so far: {startedAgoMs} (null while it waits its turn).
   * @param {RunSource} source
   * @param {{startedAgoMs: number|null}|null} [resume]
   */
  async play(source, resume = null) {
    const generation = this.generation
    let started = 0
    let ticker = 0
    if (!resume) {
      this.#clearOutput()
      this.#clearElapsed()
      delete this.root.dataset.exitStatus
      this.result = null
      this.#setState('queued')
      this.#emit('cell:run')
      const other = this.pool.runningName
      if (this.pool.status !== 'ready') this.#append('note', this.text.waitingForPython)
      else if (other) this.#append('note', this.text.queued(other))
    } else if (resume.startedAgoMs != null) {
      started = performance.now() - resume.startedAgoMs
      ticker = setInterval(() => this.#showElapsed(performance.now() - started), TICK_MS)
    }
    const result = await source({
      onStart: (info) => {
        this.#clearTimeline()
        this.#clearOutput()
        this.#setState('running')
        this.#showMode(info.mode)
        started = performance.now()
        clearInterval(ticker)
        ticker = setInterval(() => this.#showElapsed(performance.now() - started), TICK_MS)
      },
      onOutput: (line) =>
        generation === this.generation && this.#append(line.stream, line.stream === 'note' ? this.#note(line.key, line.args) : line.text),
      onTimeline: (svg) => generation === this.generation && this.#drawTimeline(svg),
      onInput: (read) => generation === this.generation && this.#setRead(read),
    })
    clearInterval(ticker)
    if (generation !== this.generation) return
    this.read = null // no read outlives its run (Stop ends a waiting one)
    this.#flush() // the output is complete before the state says so
    this.#showMode(result.mode)
    if (result.stopped) {
      if (started) this.#showElapsed(result.elapsedMs ?? performance.now() - started)
      this.#append('note', result.lost ? this.text.lost : this.text.stopped)
      this.#flush()
      this.#setState('stopped')
      return
    }
    this.#showElapsed(result.elapsedMs)
    this.root.dataset.exitStatus = String(result.status)
    // A crashed interpreter (result.crashed) said so in its own note; it did not exit with a status.
    if (result.status !== 0 && !result.crashed) this.#append('note', this.text.exited(result.status))
    this.#flush() // the closing note too, before the state says the run is over
    this.#setState(result.status === 0 ? 'done' : 'error')
    this.result = result
    this.#emit('cell:done', result)
  }

  stop() {
    this.pool.stop(this.name)
  }

  /** The code as it stands in the editor (what Run runs). */
  get code() {
    return this.editor ? this.editor.getCode() : (this.startCode ?? this.original)
  }

  /** Highlight these 1-based lines (stepped highlighting); [] clears. */
  highlightLines(lines) {
    if (!lines.length && !this.editor) return
    this.#ensureEditor().highlightLines(lines)
  }

  /** Replace the code, as typing it would. */
  setCode(text) {
    this.#ensureEditor().setCode(text)
  }

  reset() {
    this.generation += 1
    this.stop()
    this.#ensureEditor().setCode(this.original)
    this.#clearTimeline()
    this.#clearOutput()
    this.#clearElapsed()
    this.result = null
    this.#setState('idle')
    this.#emit('cell:reset')
  }

  /**
   * Show the cell as another window has it (cell-sync.js): {code, state, lines, svg, elapsedMs, mode,
   * result, read}. A finished run's result goes out as cell:done again, so what other modules drew from it
   * (an exercise's verdict) shows here too.
   */
  restore({ code, state, lines, svg, elapsedMs, mode, result = null, read = null }) {
    if (code !== this.code) this.setCode(code)
    this.#clearOutput()
    for (const [stream, text] of lines) this.#append(stream, text)
    this.read = read
    this.#flush()
    if (svg) this.#drawTimeline(svg)
    else this.#clearTimeline()
    this.#clearElapsed()
    if (elapsedMs != null) this.#showElapsed(Number(elapsedMs))
    this.#showMode(mode)
    this.#setState(state)
    this.result = result
    if (result) this.#emit('cell:done', result)
  }
}
