// Control labels in the deck's language (<html lang>, from the Marp `lang` directive).
const LABELS = {
  en: {
    run: 'Run',
    stop: 'Stop',
    reset: 'Reset',
    runHint: 'Run (Ctrl/Shift+Enter)',
    placeholder: 'Press Run — output appears here as Python prints it.',
    loading: 'Python loading…',
    ready: (python) => `Python ${python} ready`,
    failed: (reason) => `Python failed: ${reason}`,
    queued: (other) => `Waiting for “${other}” to finish…`,
    stopped: 'Stopped.',
    exited: (status) => `Exited with status ${status}.`,
    waitingForPython: 'Waiting for Python to load…',
    compat: 'compat: this browser lacks JSPI; top-level asyncio.run() is awaited instead',
    jspi: 'JSPI: asyncio.run() blocks as in CPython',
    lost: 'This run ended: the window running Python was closed. Press Run again.',
    running: (name) => `Running: ${name}`,
    idle: 'No cell running',
  },
  ko: {
    run: '실행',
    stop: '중지',
    reset: '되돌리기',
    runHint: '실행 (Ctrl/Shift+Enter)',
    placeholder: '실행을 누르면 파이썬이 출력하는 대로 여기에 나타납니다.',
    loading: '파이썬 불러오는 중…',
    ready: (python) => `파이썬 ${python} 준비됨`,
    failed: (reason) => `파이썬을 불러오지 못했습니다: ${reason}`,
    queued: (other) => `“${other}” 셀이 끝나기를 기다리는 중…`,
    stopped: '중지했습니다.',
    exited: (status) => `종료 코드 ${status}로 끝났습니다.`,
    waitingForPython: '파이썬을 불러오는 중입니다…',
    compat: 'compat: 이 브라우저에는 JSPI가 없어 최상위 asyncio.run()을 await로 실행합니다',
    jspi: 'JSPI: CPython처럼 asyncio.run()이 블록됩니다',
    lost: '파이썬을 실행하던 창이 닫혀 이 실행이 끝났습니다. 다시 실행을 누르세요.',
    running: (name) => `실행 중: ${name}`,
    idle: '실행 중인 셀 없음',
  },
}

export function labels() {
  const lang = (document.documentElement.lang || 'en').slice(0, 2)
  return LABELS[lang] ?? LABELS.en
}
