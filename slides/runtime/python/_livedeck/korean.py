"""Korean particles after an interpolated value: 종료 코드 3으로, 1로, blocking('A')가, main()이.

A particle's form follows how the word before it is read: after a final consonant (batchim) 이, 을, 은,
과, 으로; after a vowel 가, 를, 는, 와, 로 — and 로 after ㄹ too (1로, 7로). A number is read the Korean way
(3 삼 → 으로, 10 십 → 으로, 100 백, 1.5 일 점 오 → 로); a Latin letter by its name (A 에이 → 가, L 엘 → 로,
M 엠 → 이); an English word as Korean loanwords spell it (see _english_final). Closing brackets and quotes are skipped: blocking('A') ends in A.

The same rule in JavaScript for the page's labels: slides/runtime/shared/korean.js (the tests compare them).
"""

import re
import string

# particle as written in a template → (after a consonant, after a vowel)
PAIRS = {}
for _consonant, _vowel in (("이", "가"), ("을", "를"), ("은", "는"), ("과", "와"), ("으로", "로")):
    PAIRS[_consonant] = PAIRS[_vowel] = (_consonant, _vowel)

_DIGIT_FINAL = "CRVCVVCRRV"  # 영 일 이 삼 사 오 육 칠 팔 구: C consonant, R ㄹ, V vowel
# trailing zeros of a whole number → the unit it ends in: 십 백 천, 만 (×4), 억 (×4), 조 (×4), 경
_UNIT_FINAL = "CCC" + "C" * 4 + "C" * 4 + "V" * 4 + "C"
_LETTER_FINAL = {"l": "R", "r": "R", "m": "C", "n": "C"}  # 엘 알 엠 엔; every other letter's name ends in a vowel
_TAIL = re.compile(r"(\d+(?:\.\d+)?|[A-Za-z]+|[가-힣])[^0-9A-Za-z가-힣]*$")


def final_sound(text):
    """How *text* ends when read aloud: "C" (a consonant), "R" (ㄹ), "V" (a vowel), or None (unknown)."""
    match = _TAIL.search(str(text))
    if match is None:
        return None
    word = match.group(1)
    if "가" <= word <= "힣":
        batchim = (ord(word) - ord("가")) % 28
        return "V" if batchim == 0 else "R" if batchim == 8 else "C"
    if word[0].isdigit():
        if "." in word:
            return _DIGIT_FINAL[int(word[-1])]  # 1.5: 일 점 오
        digits = word.lstrip("0") or "0"
        zeros = len(digits) - len(digits.rstrip("0"))
        if digits == "0" or zeros == 0:
            return _DIGIT_FINAL[int(digits[-1])]
        return _UNIT_FINAL[min(zeros, len(_UNIT_FINAL)) - 1]
    if len(word) == 1 or word.isupper():  # a letter or an acronym: its last letter's name (JSPI: 아이)
        return _LETTER_FINAL.get(word[-1].lower(), "V")
    return _english_final(word.lower())


# An English word's last sound, as Korean loanwords spell it: call 콜 (ㄹ); main 메인, done 던, time 타임,
# blocking 블로킹 (a nasal); tick 틱, at 앳, input 인풋, sleep 슬립, out 아웃 (p, t, k after one short vowel);
# task 태스크, print 프린트, wait 웨이트, loop 루프, after 애프터 (a vowel: ㅡ added, or the word ends in one).
_NASAL_END = re.compile(r"(m|n|ng|[aeiou][mn]e)$")
_SHORT_STOP_END = re.compile(r"(^|[^aeiou])([aeiou]|ee|ou)(p|t|k|ck)$")


def _english_final(word):
    if word.endswith("l"):
        return "R"
    return "C" if _NASAL_END.search(word) or _SHORT_STOP_END.search(word) else "V"


def particle(text, written):
    """The form of the particle *written* (either form: 이 or 가, 으로 or 로…) that fits after *text*."""
    after_consonant, after_vowel = PAIRS[written]
    sound = final_sound(text)
    if sound is None:  # unreadable: both forms, as Korean writes it
        return "(으)로" if after_consonant == "으로" else f"{after_consonant}({after_vowel})"
    if sound == "V" or (sound == "R" and after_consonant == "으로"):
        return after_vowel
    return after_consonant


_PARTICLE_AFTER_FIELD = re.compile(r"^(으로|로|이|가|을|를|은|는|과|와)(?![가-힣])")
_FORMATTER = string.Formatter()


def format_message(template, values):
    """``template.format(**values)``, with each particle written right after a field fitted to its value:
    "종료 코드 {status}로" → "종료 코드 3으로"."""
    out, previous = [], None
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if previous is not None:
            literal = _PARTICLE_AFTER_FIELD.sub(lambda m: particle(previous, m.group(1)), literal, count=1)
        out.append(literal)
        previous = None
        if field is not None:
            value, _ = _FORMATTER.get_field(field, (), values)
            value = _FORMATTER.convert_field(value, conversion)
            previous = _FORMATTER.format_field(value, _FORMATTER.vformat(spec or "", (), values))
            out.append(previous)
    return "".join(out)
