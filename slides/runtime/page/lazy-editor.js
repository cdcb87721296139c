// A cell's editor, with CodeMirror (~370 KB of script) loaded only once it is needed: a cell on
// screen, an edit, or Python up (deck.js prefetches it then). Until it has loaded, the code is
// plain text in the slide's own <pre>, behind the same interface as editor.js's editor — so the
// page's main thread, which the Python worker's boot shares on a two-core laptop, does not
// compile an editor nobody has looked at yet.

let loading = null

/** Load CodeMirror (once); resolves with editor.js. */
export function loadEditor() {
  return (loading ??= import('./editor.js'))
}

/** Like editor.js's mountEditor: {getCode, setCode, focus, highlightLines}; mounts when loaded. */
export function lazyEditor(pre, options) {
  let code = options.code
  let editor = null
  let lines = []
  loadEditor().then(({ mountEditor }) => {
    editor = mountEditor(pre, { ...options, code })
    if (lines.length) editor.highlightLines(lines)
  })
  return {
    getCode: () => (editor ? editor.getCode() : code),
    setCode: (text) => {
      if (editor) return editor.setCode(text)
      if (text === code) return
      code = text
      pre.querySelector('code').textContent = text
      options.onChange?.(text) // as the editor's own change listener would
    },
    focus: () => editor?.focus(),
    highlightLines: (numbers) => {
      lines = numbers
      editor?.highlightLines(numbers)
    },
  }
}
