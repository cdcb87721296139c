// fontsource's unicode-range slices of the deck's two fonts, behind the subsets the theme imports
// (deckkit/fonts.py): they serve what the subsets lack — a syllable typed into a cell on stage.
// They carry family names of their own ('Noto Sans KR Slices'), next in the theme's font stacks,
// and are added as FontFace objects, not style sheets: a sheet that adds @font-face rules makes
// Chromium rebuild every face of the page, and the slide on screen flashes in a fallback font.
// Added once Python is up, not with the theme: ~500 faces cost the page's main thread, which the
// worker's boot shares on a two-core laptop. A face loads only when a character needs it.

let added = false

export async function loadFontFallback() {
  if (added) return
  added = true
  const base = new URL('fonts/', document.baseURI)
  /** @type {[string, string, FontFaceDescriptors][]} */
  let faces
  try {
    faces = await (await fetch(new URL('slices.json', base))).json()
  } catch {
    return // the list did not come (a deck saved without it): characters the subsets lack use a system font
  }
  for (const [family, file, descriptors] of faces)
    document.fonts.add(new FontFace(family, `url(${new URL(file, base).href}) format('woff2')`, descriptors))
}
