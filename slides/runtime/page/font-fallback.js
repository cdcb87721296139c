// fontsource's unicode-range slices of the deck's two fonts, behind the subsets the theme imports
// (deckkit/fonts.py): they serve what the subsets lack — a syllable typed into a cell on stage.
// Added once Python is up, not with the theme: their ~400 @font-face rules cost the page ~65 ms of
// a reopen's main thread (measured), which the worker's boot shares on a two-core laptop.

const FALLBACK_CSS = ['noto-sans-kr/400', 'noto-sans-kr/700', 'nanum-gothic-coding/400', 'nanum-gothic-coding/700']

export function loadFontFallback() {
  if (document.querySelector('link[data-font-fallback]')) return
  // Before the theme's <style>: among faces of one family, CSS takes the last one that has the
  // character, so the subsets (imported by the theme) keep serving the deck's own characters.
  const theme = document.head.querySelector('style')
  for (const name of FALLBACK_CSS) {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = new URL(`fonts/${name}.css`, document.baseURI).href
    link.dataset.fontFallback = ''
    document.head.insertBefore(link, theme)
  }
}
