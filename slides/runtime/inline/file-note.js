// Inlined at the end of the deck's <body> by slides/engine/runtime-script.mjs. A deck opened
// as a file (file://) cannot load the runtime (browsers load no module script nor worker
// from a file), so its cells keep the recorded CPython output; say once, in the deck's
// language, that live Python needs the deck served. Hook: <html data-python-status="unserved">.
;(function () {
  if (location.protocol !== 'file:' || new URLSearchParams(location.search).get('view')) return
  var text = {
    en: 'Live Python needs the deck served: run `invoke present` and open the URL it prints. Shown here: the output recorded under CPython.',
    ko: '라이브 파이썬은 덱을 서버로 열어야 동작합니다: `invoke present`를 실행하고 출력된 주소를 여세요. 여기에는 CPython에서 기록한 출력이 보입니다.',
  }
  var lang = (document.documentElement.lang || 'en').slice(0, 2)
  var note = document.createElement('div')
  note.id = 'python-status'
  note.setAttribute('role', 'status')
  note.textContent = text[lang] || text.en
  note.style.cssText =
    'position:fixed;left:12px;top:6px;z-index:10;max-width:40em;padding:6px 12px;border-radius:12px;' +
    "font:14px/1.5 'Noto Sans KR',sans-serif;color:#fff;background:#8a5a00;opacity:.92;word-break:keep-all"
  document.body.append(note)
  document.documentElement.dataset.pythonStatus = 'unserved'
  // Gone after a while, and at once on a click: the slides matter more.
  note.addEventListener('click', function () { note.remove() })
  setTimeout(function () { note.remove() }, 15000)
})()
