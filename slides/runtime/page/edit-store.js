// A learner's edits survive a reload: each cell's edited code is kept in localStorage, per deck and
// cell, with a hash of the slide's code it was edited from. The cell then opens with the edit and is
// marked (data-edited, a visible tag); Reset forgets it. When the slide's code changed since (a new
// version of the demo), the new code shows, with a note that the older edit was set aside and a
// button that brings it back.

import { fnv1a } from '../shared/fnv1a.js'

const PREFIX = 'asyncio-live:edit:'

/** Enough to tell that the slide's code changed (8 hex digits, as kept edits store it). */
const hashCode = (text) => fnv1a(text).toString(16).padStart(8, '0')

function storage() {
  try {
    return window.localStorage
  } catch {
    return null // storage refused (privacy settings): edits just do not persist
  }
}

export function attachEditStore(cell, text, deck = location.pathname) {
  const store = storage()
  if (!store) return
  const key = `${PREFIX}${deck}#${cell.name}`
  const original = hashCode(cell.original)
  const root = cell.root

  const mark = document.createElement('span')
  mark.className = 'cell-edited'
  mark.dataset.role = 'edited'
  mark.textContent = `✎ ${text.edited}`
  mark.title = text.editedHint
  root.querySelector('[data-role=elapsed]').before(mark)

  const setEdited = (edited) => {
    if (edited) root.dataset.edited = ''
    else delete root.dataset.edited
  }
  const forget = () => {
    store.removeItem(key)
    setEdited(false)
  }
  const keep = (code) => {
    if (code === cell.original) return forget()
    try {
      store.setItem(key, JSON.stringify({ code, original, savedAt: Date.now() }))
      setEdited(true)
    } catch {} // storage full: the edit stays in the cell, unkept
  }

  const read = (name) => {
    try {
      return JSON.parse(store.getItem(name) ?? 'null')
    } catch {
      return null
    }
  }
  const asideKey = `${key}:set-aside`
  const saved = read(key)
  if (saved?.code && saved.original === original) {
    cell.startCode = saved.code
    setEdited(true)
  } else if (saved?.code) {
    // Edited from an older version of the slide's code: kept apart, so new edits do not overwrite it.
    store.setItem(asideKey, JSON.stringify(saved))
    store.removeItem(key)
  }
  const aside = read(asideKey)
  if (aside?.code) {
    setAside(cell, text, aside.code, (code) => {
      store.removeItem(asideKey)
      cell.setCode(code) // kept again, against the new code, by the change it makes
    })
  }
  root.addEventListener('cell:code', ({ detail }) => keep(detail))
  root.addEventListener('cell:reset', forget)
}

function setAside(cell, text, code, bringBack) {
  const note = document.createElement('div')
  note.className = 'cell-edit-note'
  note.dataset.role = 'edit-note'
  note.textContent = `${text.editSetAside} `
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'cell-button'
  button.dataset.action = 'restore-edit'
  button.textContent = text.restoreEdit
  button.addEventListener('click', () => {
    note.remove()
    bringBack(code)
  })
  note.append(button)
  cell.root.querySelector('[data-role=output]').before(note)
}
