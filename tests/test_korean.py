"""Korean particles after interpolated values (slides/runtime/python/_livedeck/korean.py and its twin for
the page's labels, slides/runtime/page/korean.js): the particle follows how the value is read."""

import json
import re
import subprocess

import pytest

from _livedeck.korean import format_message, particle
from deckkit.paths import ROOT

# value → (으로/로, 이/가, 을/를, 은/는, 과/와) as a Korean reader says them
CASES = {
    "0": ("으로", "이", "을", "은", "과"),  # 영
    "1": ("로", "이", "을", "은", "과"),  # 일: ㄹ takes 로
    "2": ("로", "가", "를", "는", "와"),
    "3": ("으로", "이", "을", "은", "과"),  # 삼
    "4": ("로", "가", "를", "는", "와"),
    "5": ("로", "가", "를", "는", "와"),
    "6": ("으로", "이", "을", "은", "과"),  # 육
    "7": ("로", "이", "을", "은", "과"),  # 칠
    "8": ("로", "이", "을", "은", "과"),  # 팔
    "9": ("로", "가", "를", "는", "와"),
    "10": ("으로", "이", "을", "은", "과"),  # 십
    "100": ("으로", "이", "을", "은", "과"),  # 백
    "1000": ("으로", "이", "을", "은", "과"),  # 천
    "20000": ("으로", "이", "을", "은", "과"),  # 이만
    "1.5": ("로", "가", "를", "는", "와"),  # 일 점 오
    "3.0": ("으로", "이", "을", "은", "과"),  # 삼 점 영
    "-1": ("로", "이", "을", "은", "과"),
    "파이썬": ("으로", "이", "을", "은", "과"),
    "서울": ("로", "이", "을", "은", "과"),
    "태스크": ("로", "가", "를", "는", "와"),
    "blocking('A')": ("로", "가", "를", "는", "와"),  # 에이
    "'L'": ("로", "이", "을", "은", "과"),  # 엘
    "M": ("으로", "이", "을", "은", "과"),  # 엠
    "JSPI": ("로", "가", "를", "는", "와"),  # 제이에스피아이
    "main()": ("으로", "이", "을", "은", "과"),  # 메인
    "ticker()": ("로", "가", "를", "는", "와"),  # 티커
    "asyncio.sleep(1)": ("로", "이", "을", "은", "과"),  # 일
    "time.sleep(0.5)": ("로", "가", "를", "는", "와"),  # 영 점 오
    "call": ("로", "이", "을", "은", "과"),  # 콜
    "sleep()": ("으로", "이", "을", "은", "과"),  # 슬립
    "blocking": ("으로", "이", "을", "은", "과"),  # 블로킹
    "say_after()": ("로", "가", "를", "는", "와"),  # 세이 애프터
    "tick": ("으로", "이", "을", "은", "과"),  # 틱
    "finished at": ("으로", "이", "을", "은", "과"),  # 앳
    "timed out": ("으로", "이", "을", "은", "과"),  # 아웃
    "input()": ("으로", "이", "을", "은", "과"),  # 인풋
    "done": ("으로", "이", "을", "은", "과"),  # 던
    "wait": ("로", "가", "를", "는", "와"),  # 웨이트
    "loop": ("로", "가", "를", "는", "와"),  # 루프
    "print": ("로", "가", "를", "는", "와"),  # 프린트
    "task": ("로", "가", "를", "는", "와"),  # 태스크
}
WRITTEN = ("로", "가", "를", "는", "와")


@pytest.mark.parametrize("value", sorted(CASES))
def test_each_particle_follows_how_the_value_is_read(value):
    assert tuple(particle(value, written) for written in WRITTEN) == CASES[value]
    # either form written in the text gives the same answer
    assert tuple(particle(value, written) for written in ("으로", "이", "을", "은", "과")) == CASES[value]


def test_an_unreadable_value_gets_both_forms():
    assert particle("…", "로") == "(으)로" and particle("", "가") == "이(가)"


def test_messages_fit_the_particle_after_each_field_and_leave_other_text_alone():
    assert format_message("종료 코드 {status}로 끝났습니다.", {"status": 3}) == "종료 코드 3으로 끝났습니다."
    assert format_message("종료 코드 {status}으로 끝났습니다.", {"status": 1}) == "종료 코드 1로 끝났습니다."
    assert format_message("{task}가 {seconds:.1f}초를 막았습니다", {"task": "main()", "seconds": 1}) == (
        "main()이 1.0초를 막았습니다")
    assert format_message("{limit}초로 두세요, {x!r}를 보세요", {"limit": 1.4, "x": "hello"}) == (
        "1.4초로 두세요, 'hello'를 보세요")  # after 초 and a word: nothing to fit but the field's own
    assert format_message("{n}이상 {{literal}}", {"n": 3}) == "3이상 {literal}"  # 이상 is a word, not a particle
    assert format_message("{total:.1f} s: {task} held", {"total": 2, "task": "A"}) == "2.0 s: A held"


def test_the_pages_labels_use_the_same_rule():
    script = (
        "import('./slides/runtime/page/korean.js').then(({ particle }) => {"
        f"const values = {json.dumps(sorted(CASES) + ['…'])};"
        f"const written = {json.dumps(WRITTEN)};"
        "console.log(JSON.stringify(values.map((v) => written.map((w) => particle(v, w)))))})"
    )
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    expected = [list(CASES[value]) for value in sorted(CASES)] + [[particle("…", w) for w in WRITTEN]]
    assert json.loads(result.stdout) == expected


# A particle written after code, a number or a Latin word in the Korean texts: `asyncio.timeout(1)로`.
_WRITTEN_AFTER_CODE = re.compile(r"([0-9A-Za-z_.()'\[\]:,]*[0-9A-Za-z)'\]:])`?(으로|로|이|가|을|를|은|는|과|와)(?=[\s,.)]|$)")


def _korean_texts():
    from deckkit.exercises import exercises

    for exercise in exercises():
        text = exercise.text("ko")
        for where, value in [("task", text["task"]), *(("hint", hint) for hint in text["hints"]),
                             *text["messages"].items()]:
            yield f"{exercise.name}: {where}", re.sub(r"\{[^{}]*\}", "", value)  # a field's particle is fitted
    labels = (ROOT / "slides/runtime/page/labels.js").read_text()
    korean = labels[labels.index("  ko: {"):]
    for line in korean.splitlines():
        yield "labels.js", re.sub(r"\$\{[^{}]*\}", "", line)


def test_particles_written_after_code_and_numbers_fit_them():
    wrong = []
    for where, text in _korean_texts():
        for match in _WRITTEN_AFTER_CODE.finditer(text):
            word, written = match.groups()
            if particle(word, written) != written:
                wrong.append(f"{where}: {word}{written} → {word}{particle(word, written)}")
    assert wrong == []
