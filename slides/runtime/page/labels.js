// Control labels in the deck's language (<html lang>, from the Marp `lang` directive). Both languages
// hold the same keys, camelCase; every key Python or the worker emits has one (tests/test_labels.py).
import { particle } from './korean.js'

export const LABELS = {
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
    stdin: 'Input for the program: Enter sends the line, Ctrl+D ends the input, Esc leaves the field',
    // Notes a run prints (platform_notes.py → worker → here), one line each, where they happen.
    notes: {
      input:
        'File descriptor 0 reads nothing here: a live cell’s keyboard is sys.stdin (input(), ' +
        'sys.stdin.readline()). CPython would wait for the keyboard here.',
      inputCompat:
        'input() cannot wait for the keyboard without JSPI (compat mode: Python cannot pause while the ' +
        'browser waits for a line), so it reads an end of file. CPython would wait for a line here.',
      outputCapped: (lines) => `… output capped at ${lines} lines; the rest is not shown (the code keeps running)`,
      sockets: 'Without JSPI this browser cannot run the cell’s loopback network: CPython would connect here.',
      loopbackOnly:
        'The cell’s machine has a loopback network only (127.0.0.1, ::1, localhost): other hosts are out of ' +
        'reach, as on a machine without a network.',
      subprocess: 'The browser cannot start processes: CPython would run the program here.',
      signals: 'The browser has no POSIX signals: CPython would install the signal handler here.',
      cpuThreads:
        'Threads that compute do not take turns in the browser: while one computed, the others and ' +
        'the event loop waited (CPython switches threads every 5 ms).',
      inlineThreads:
        'No threads without JSPI: the executor ran its calls one after another while the event loop ' +
        'waited (in CPython they overlap).',
      crashed:
        'Python crashed here (a fault of the browser’s Python, not of this code): the run ends, its output ' +
        'may stop short of what CPython prints. A fresh Python takes over: press Run again.',
    },
    // An exercise's verdict where its own messages cannot say (grader.py, the worker): no pass, and why.
    verdicts: {
      checkError: (error) => `The exercise’s check failed on this run (${error}): no verdict.`,
      messageMissing: (key, values) =>
        `The exercise has no message that fits “${key}” (${values}): its check.py and exercise.toml disagree.`,
      graderError: (error) => `The run could not be graded (${error}).`,
    },
    hint: 'Hint',
    solution: 'Solution',
    solutionHint: 'Put the solution into the cell (then run it)',
    edited: 'edited',
    editedHint: 'Your edit, kept in this browser. Reset returns to the slide’s code.',
    editSetAside: 'The slide’s code changed since your edit: here is the new code; your older edit was set aside.',
    restoreEdit: 'Bring my edit back',
    lost: 'This run ended: the window running Python was closed. Press Run again.',
    running: (name) => `Running: ${name}`,
    idle: 'No cell running',
    blackScreen: 'The audience’s screen is black: b or . shows it again',
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
    exited: (status) => `종료 코드 ${status}${particle(status, '로')} 끝났습니다.`,
    waitingForPython: '파이썬을 불러오는 중입니다…',
    compat: 'compat: 이 브라우저에는 JSPI가 없어 최상위 asyncio.run()을 await로 실행합니다',
    jspi: 'JSPI: CPython처럼 asyncio.run()이 블록됩니다',
    stdin: '프로그램에 줄 입력: Enter는 줄 보내기, Ctrl+D는 입력 끝, Esc는 입력칸 나가기',
    notes: {
      input:
        '여기서는 파일 디스크립터 0에서 읽을 것이 없습니다: 라이브 셀의 키보드는 sys.stdin입니다 (input(), ' +
        'sys.stdin.readline()). CPython이라면 여기서 키보드 입력을 기다립니다.',
      inputCompat:
        'JSPI가 없으면 (compat 모드) 브라우저가 한 줄을 기다리는 동안 파이썬을 멈춰 둘 수 없어, input()이 ' +
        '키보드를 기다리지 못하고 파일 끝을 읽습니다. CPython이라면 여기서 한 줄을 기다립니다.',
      outputCapped: (lines) => `… 출력이 ${lines}줄을 넘어 나머지는 보이지 않습니다 (코드는 계속 실행됩니다)`,
      sockets: 'JSPI가 없어 브라우저가 셀의 루프백 네트워크를 실행할 수 없습니다: CPython이라면 여기서 연결합니다.',
      loopbackOnly:
        '셀의 컴퓨터에는 루프백 네트워크(127.0.0.1, ::1, localhost)만 있습니다: 네트워크가 없는 컴퓨터처럼 ' +
        '다른 호스트에는 닿지 않습니다.',
      subprocess: '브라우저는 프로세스를 시작할 수 없습니다: CPython이라면 여기서 프로그램을 실행합니다.',
      signals: '브라우저에는 POSIX 시그널이 없습니다: CPython이라면 여기서 시그널 핸들러를 설치합니다.',
      cpuThreads:
        '브라우저에서는 계산하는 스레드가 번갈아 실행되지 않아, 한 스레드가 계산하는 동안 ' +
        '다른 스레드와 이벤트 루프가 기다렸습니다 (CPython은 5 ms마다 스레드를 바꿉니다).',
      inlineThreads:
        'JSPI가 없어 스레드를 쓸 수 없습니다: 실행기가 호출을 하나씩 차례로 실행하는 동안 ' +
        '이벤트 루프가 기다렸습니다 (CPython에서는 동시에 진행됩니다).',
      crashed:
        '여기서 파이썬이 멈췄습니다 (이 코드가 아니라 브라우저용 파이썬의 결함입니다): 실행을 끝내며, 출력이 ' +
        'CPython의 출력보다 짧을 수 있습니다. 새 파이썬이 이어받으니 다시 실행을 누르세요.',
    },
    verdicts: {
      checkError: (error) => `이 실행에서 문제의 채점 코드가 실패했습니다 (${error}): 판정하지 못했습니다.`,
      messageMissing: (key, values) =>
        `“${key}” (${values})에 맞는 메시지가 없습니다: 문제의 check.py와 exercise.toml이 서로 맞지 않습니다.`,
      graderError: (error) => `이 실행을 채점하지 못했습니다 (${error}).`,
    },
    hint: '힌트',
    solution: '풀이',
    solutionHint: '풀이를 셀에 넣습니다 (실행은 직접)',
    edited: '수정됨',
    editedHint: '고친 코드가 이 브라우저에 저장되어 있습니다. 되돌리기를 누르면 슬라이드의 코드로 돌아갑니다.',
    editSetAside: '고친 뒤에 슬라이드의 코드가 바뀌어 새 코드를 보여 줍니다. 예전에 고친 코드는 따로 두었습니다.',
    restoreEdit: '고친 코드 되살리기',
    lost: '파이썬을 실행하던 창이 닫혀 이 실행이 끝났습니다. 다시 실행을 누르세요.',
    running: (name) => `실행 중: ${name}`,
    idle: '실행 중인 셀 없음',
    blackScreen: '청중 화면이 꺼져 있습니다: b나 .을 누르면 다시 보입니다',
  },
}

export function labels() {
  const lang = (document.documentElement.lang || 'en').slice(0, 2)
  return LABELS[lang] ?? LABELS.en
}

/**
 * Python's status as the badge and the presenter view say it: {status, python, reason} from the pool.
 * @param {ReturnType<typeof labels>} text
 * @param {{status: string, python?: string, reason?: string}} detail
 */
export function pythonStatusText(text, { status, python, reason }) {
  return status === 'ready' ? text.ready(python) : status === 'failed' ? text.failed(reason) : text.loading
}
