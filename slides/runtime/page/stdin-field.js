// A live cell's keyboard: while a read of sys.stdin waits for a line (input(), sys.stdin.readline() …:
// script_stdin.py), a labelled field at the end of the output, after the prompt when the last line
// printed is still unfinished — where a terminal's cursor would be. Enter sends the line (the worker
// echoes it into the output, as a terminal does), Ctrl+D on an empty field ends the input (EOFError),
// Esc hands the keys back to the deck. Keys typed here never move the slides: the cell stops them
// (live-cell.js). The field takes the keyboard when a read starts, unless someone is typing elsewhere
// (another cell's code, another field): the presenter need not reach for the mouse, and a line being
// typed into other code is never cut in two.
// Test hooks: [data-role=stdin] (the field), [data-role=stdin-prompt], data-read (the read's id) on it.

/** @typedef {import('../shared/protocol.js').StdinRead} StdinRead */

const TYPING = '.cm-content, input, textarea, select, [contenteditable]'

/** Is the keyboard in some other place where text is typed? */
function typingElsewhere(/** @type {Element} */ root) {
  const active = document.activeElement
  return Boolean(active && active !== document.body && active.matches(TYPING) && !root.contains(active))
}

/** Is *root* on the slide this window shows (Marp keeps the others in the page, hidden)? */
function onShownSlide(/** @type {Element} */ root) {
  const slide = root.closest('.bespoke-marp-slide')
  return !slide || slide.classList.contains('bespoke-marp-active')
}

export class StdinField {
  /**
   * @param {HTMLElement} root the cell
   * @param {HTMLElement} output the cell's output panel, which the field ends while a read waits
   * @param {{label: string}} text
   * @param {(readId: number, text: string|null) => void} send a line typed, or null for Ctrl+D
   */
  constructor(root, output, text, send) {
    this.root = root
    this.output = output
    this.send = send
    /** @type {StdinRead|null} the read the field answers */
    this.read = null
    this.row = document.createElement('span')
    this.row.className = 'cell-stdin'
    this.prompt = document.createElement('span')
    this.prompt.className = 'cell-stdin-prompt'
    this.prompt.dataset.role = 'stdin-prompt'
    this.input = document.createElement('input')
    this.input.type = 'text'
    this.input.dataset.role = 'stdin'
    this.input.setAttribute('aria-label', text.label)
    this.input.title = text.label
    for (const [name, value] of Object.entries({ autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', enterkeyhint: 'send' })) {
      this.input.setAttribute(name, value)
    }
    this.row.append(this.prompt, this.input)
    this.input.addEventListener('keydown', (event) => this.#key(event))
  }

  /** @param {KeyboardEvent} event */
  #key(event) {
    if (event.isComposing) return // a Hangul syllable being composed: Enter finishes it, and sends nothing
    const read = this.read
    if (event.key === 'Enter') {
      event.preventDefault()
      if (read) this.#answer(read, this.input.value)
    } else if ((event.code === 'KeyD' || event.key.toLowerCase() === 'd') && event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault() // the browser's own Ctrl+D (bookmark this page) never
      if (read && this.input.value === '') this.#answer(read, null)
    } else if (event.key === 'Escape') {
      this.input.blur() // the keys are the deck's again
    }
  }

  /**
   * @param {StdinRead} read
   * @param {string|null} line
   */
  #answer(read, line) {
    this.input.value = ''
    this.show(null) // at once, here: the echo follows from the worker
    this.send(read.id, line)
  }

  /**
   * The field as the run's read stands: shown at the output's end with its prompt, or gone (null).
   * @param {StdinRead|null} read
   */
  show(read) {
    const fresh = read && read.id !== this.read?.id
    this.read = read
    if (!read) {
      this.row.remove()
      delete this.root.dataset.reading
      return
    }
    this.prompt.textContent = read.prompt
    this.input.dataset.read = String(read.id)
    this.root.dataset.reading = ''
    if (this.row.parentNode !== this.output || this.row.nextSibling) this.output.append(this.row)
    if (fresh && !typingElsewhere(this.root) && onShownSlide(this.root)) this.input.focus({ preventScroll: true })
    this.output.scrollTop = this.output.scrollHeight
  }

  /** Put output lines before the field, which stays last (moving it would take its focus). */
  /** @param {Node} lines */
  insert(lines) {
    if (this.row.parentNode === this.output) this.output.insertBefore(lines, this.row)
    else this.output.append(lines)
  }
}
