// Korean particles after an interpolated value: 종료 코드 3으로, 1로. The rule, and why each case reads
// as it does, is the runtime's Python's (slides/runtime/python/_livedeck/korean.py, which the grader's
// messages use); tests/test_korean.py checks that both give the same particle for the same words.

const PAIRS = {}
for (const [consonant, vowel] of [['이', '가'], ['을', '를'], ['은', '는'], ['과', '와'], ['으로', '로']]) {
  PAIRS[consonant] = PAIRS[vowel] = [consonant, vowel]
}
const DIGIT_FINAL = 'CRVCVVCRRV' // 영 일 이 삼 사 오 육 칠 팔 구
const UNIT_FINAL = 'CCC' + 'CCCC' + 'CCCC' + 'VVVV' + 'C' // 십 백 천, 만, 억, 조, 경
const LETTER_FINAL = { l: 'R', r: 'R', m: 'C', n: 'C' }
const TAIL = /(\d+(?:\.\d+)?|[A-Za-z]+|[가-힣])[^0-9A-Za-z가-힣]*$/

/** How *text* ends when read aloud: 'C' (a consonant), 'R' (ㄹ), 'V' (a vowel), or null (unknown). */
export function finalSound(text) {
  const match = TAIL.exec(String(text))
  if (!match) return null
  const word = match[1]
  if (word >= '가' && word <= '힣') {
    const batchim = (word.charCodeAt(0) - 0xac00) % 28
    return batchim === 0 ? 'V' : batchim === 8 ? 'R' : 'C'
  }
  if (/\d/.test(word[0])) {
    if (word.includes('.')) return DIGIT_FINAL[Number(word.at(-1))]
    const digits = word.replace(/^0+/, '') || '0'
    const zeros = digits.length - digits.replace(/0+$/, '').length
    if (digits === '0' || zeros === 0) return DIGIT_FINAL[Number(digits.at(-1))]
    return UNIT_FINAL[Math.min(zeros, UNIT_FINAL.length) - 1]
  }
  if (word.length === 1 || word === word.toUpperCase()) return LETTER_FINAL[word.at(-1).toLowerCase()] ?? 'V'
  return englishFinal(word.toLowerCase())
}

const NASAL_END = /(m|n|ng|[aeiou][mn]e)$/
const SHORT_STOP_END = /(^|[^aeiou])([aeiou]|ee|ou)(p|t|k|ck)$/
function englishFinal(word) {
  if (word.endsWith('l')) return 'R'
  return NASAL_END.test(word) || SHORT_STOP_END.test(word) ? 'C' : 'V'
}

/** The form of the particle *written* (이 or 가, 으로 or 로…) that fits after *text*. */
export function particle(text, written) {
  const [afterConsonant, afterVowel] = PAIRS[written]
  const sound = finalSound(text)
  if (sound === null) return afterConsonant === '으로' ? `(으)로` : `${afterConsonant}(${afterVowel})`
  return sound === 'V' || (sound === 'R' && afterConsonant === '으로') ? afterVowel : afterConsonant
}
