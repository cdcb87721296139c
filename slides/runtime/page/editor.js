// The editable code of a live cell: CodeMirror 6, styled like the slide's code.
import { EditorView, minimalSetup } from 'codemirror'
import { python } from '@codemirror/lang-python'
import { keymap, Decoration } from '@codemirror/view'
import { Prec, StateEffect, StateField } from '@codemirror/state'
import { HighlightStyle, syntaxHighlighting, indentUnit } from '@codemirror/language'
import { indentWithTab } from '@codemirror/commands'
import { tags as t } from '@lezer/highlight'

// The same colours as the theme's highlight.js classes (slides/theme/).
const deckHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: '#ff8f70' },
  { tag: [t.string, t.special(t.string)], color: '#a6e3a1' },
  { tag: [t.number, t.bool, t.null], color: '#f9c97a' },
  { tag: t.comment, color: '#9aa3b2', fontStyle: 'italic' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: '#89c2ff' },
  { tag: t.standard(t.variableName), color: '#ff8f70' },
])

const deckTheme = EditorView.theme(
  {
    '&': { backgroundColor: 'transparent', color: 'inherit', fontSize: 'inherit' },
    // Code longer than the panel scrolls (the wheel, the keyboard); a long line wraps (hangingIndent).
    '.cm-scroller': { fontFamily: 'inherit', lineHeight: 'inherit', overflowX: 'hidden', overflowY: 'auto' },
    '.cm-content': { padding: '0', caretColor: '#ffffff' },
    '.cm-line': { padding: '0' },
    '&.cm-focused': { outline: 'none' },
    '&.cm-focused .cm-cursor': { borderLeftColor: '#ffffff', borderLeftWidth: '2px' },
    '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: '#3a4a6b' },
  },
  { dark: true },
)

// Stepped line highlighting (line-steps.js): the lines of the active step stand out.
/** @type {import('@codemirror/state').StateEffectType<number[]>} */
const setStepLines = StateEffect.define()
const stepLines = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    decorations = decorations.map(transaction.changes)
    for (const effect of transaction.effects) {
      if (!effect.is(setStepLines)) continue
      const marks = []
      for (const number of effect.value) {
        if (number >= 1 && number <= transaction.state.doc.lines) {
          marks.push(Decoration.line({ class: 'cm-step-line' }).range(transaction.state.doc.line(number).from))
        }
      }
      decorations = Decoration.set(marks, true)
    }
    return decorations
  },
  provide: (field) => EditorView.decorations.from(field),
})

// A line longer than the panel (a docs example pasted in, say) wraps rather than running past its
// edge, where the room would not see it; the wrapped part hangs one indent deeper than the line
// starts, as an editor's soft wrap does, so it does not read as Python's own indentation.
function hangingIndents(doc) {
  const marks = []
  for (let number = 1; number <= doc.lines; number++) {
    const line = doc.line(number)
    const hang = /^[ \t]*/.exec(line.text)[0].replace(/\t/g, '    ').length + 4
    const style = `padding-left: ${hang}ch; text-indent: -${hang}ch`
    marks.push(Decoration.line({ attributes: { style } }).range(line.from))
  }
  return Decoration.set(marks)
}

const hangingIndent = StateField.define({
  create: (state) => hangingIndents(state.doc),
  update: (decorations, transaction) => (transaction.docChanged ? hangingIndents(transaction.state.doc) : decorations),
  provide: (field) => EditorView.decorations.from(field),
})

// The smallest change turning `from` into `to`, so a cursor elsewhere stays put
// (an edit typed in another window arrives as the whole text).
function difference(from, to) {
  let start = 0
  while (start < from.length && start < to.length && from[start] === to[start]) start++
  let end = 0
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) }
}

/**
 * Mount an editor in place of `pre`; returns {getCode, setCode, focus}. onChange(code) follows every edit.
 * @param {HTMLElement} pre
 * @param {{code: string, onRun: () => void, onChange?: (code: string) => void}} options
 */
export function mountEditor(pre, { code, onRun, onChange = () => {} }) {
  const runKeys = Prec.highest(
    keymap.of([
      { key: 'Ctrl-Enter', run: () => (onRun(), true) },
      { key: 'Mod-Enter', run: () => (onRun(), true) },
      { key: 'Shift-Enter', run: () => (onRun(), true) },
      { key: 'Escape', run: (view) => (view.contentDOM.blur(), true) },
    ]),
  )
  const view = new EditorView({
    doc: code,
    extensions: [
      minimalSetup,
      python(),
      indentUnit.of('    '),
      keymap.of([indentWithTab]),
      runKeys,
      syntaxHighlighting(deckHighlight),
      stepLines,
      EditorView.lineWrapping,
      hangingIndent,
      deckTheme,
      EditorView.updateListener.of((update) => update.docChanged && onChange(update.state.doc.toString())),
      EditorView.contentAttributes.of({ 'aria-label': 'Python code', spellcheck: 'false' }),
    ],
  })
  const host = document.createElement('pre')
  host.className = `${pre.className} cell-editor`
  host.dataset.role = 'editor'
  host.append(view.dom)
  pre.hidden = true
  pre.after(host)
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (text) => {
      const current = view.state.doc.toString()
      if (text !== current) view.dispatch({ changes: difference(current, text) })
    },
    focus: () => view.focus(),
    highlightLines: (numbers) => {
      host.dataset.stepping = numbers.length ? 'on' : ''
      view.dispatch({ effects: setStepLines.of(numbers) })
    },
  }
}
