"""One-line notes where the browser cannot do what CPython does, in the deck's language.

A run shows each note at most once. The worker passes the hook that shows a note
in the running cell (live_runtime.install) and the deck's language (<html lang>).
"""

NOTES = {
    "threads_compute": {
        "en": "Threads that compute do not take turns in the browser: while one thread computed, the other "
              "threads and the event loop waited (CPython switches between threads every few milliseconds).",
        "ko": "브라우저에서는 계산하는 스레드들이 번갈아 실행되지 않습니다: 한 스레드가 계산하는 동안 다른 스레드와 "
              "이벤트 루프가 기다렸습니다 (CPython은 몇 밀리초마다 스레드를 바꿔 가며 실행합니다).",
    },
    "threads_inline": {
        "en": "This browser lacks JSPI, so there are no threads here: the executor ran each call inline, "
              "one after the other, while the event loop waited (in CPython they overlap).",
        "ko": "이 브라우저에는 JSPI가 없어 스레드를 쓸 수 없습니다: 실행기(executor)가 호출을 하나씩 차례로 "
              "실행했고 그동안 이벤트 루프는 기다렸습니다 (CPython에서는 동시에 진행됩니다).",
    },
}

hook = None  # callable(text), set by live_runtime.install()
lang = "en"
_shown = set()


def set_lang(language):
    global lang
    lang = language if language in ("en", "ko") else "en"


def begin_run():
    _shown.clear()


def announce(kind):
    """Show the note *kind* in the running cell, once per run."""
    if kind in _shown or hook is None:
        return
    _shown.add(kind)
    texts = NOTES[kind]
    hook(texts.get(lang, texts["en"]))
