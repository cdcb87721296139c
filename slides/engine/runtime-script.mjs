// Marp engine plugin: loads the live-cell runtime (slides/runtime/, bundled into
// dist/runtime/ by `invoke build`) from a URL relative to the deck, so dist/
// works from any static host and sub-path. Print builds (PDF) get no runtime.
// A tiny inline script starts Python's worker before the browser has parsed the slides
// (see slides/runtime/inline/early-boot.js; the build moves it up into <head>); another, at the end,
// says on a deck opened as a file that live Python needs it served (inline/file-note.js), and one,
// before Marp's script, gives every window of the deck one slide position (inline/deck-position.js).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'

// The early boot imports what it shares with the runtime (slides/runtime/shared/boot-constants.js):
// bundled into one classic script, minified (it is inlined in every page's <head>).
export const earlyBoot = buildSync({
  entryPoints: [fileURLToPath(new URL('../runtime/inline/early-boot.js', import.meta.url))],
  bundle: true,
  format: 'iife',
  minify: true,
  write: false,
}).outputFiles[0].text.trim()
const fileNote = readFileSync(new URL('../runtime/inline/file-note.js', import.meta.url), 'utf8')
const deckPosition = readFileSync(new URL('../runtime/inline/deck-position.js', import.meta.url), 'utf8')

// Page-level CSS (the theme's rules are scoped to the slides):
// - Marp's on-screen navigation bar (shown while the mouse moves) sits bottom centre, over the
//   last lines of every live cell's code. Top right, where no title reaches, it covers only
//   the page number it repeats (the Python badge is top left, clear of it).
// - Until Marp's script (at the end of the page) has made them slides, the slides are plain SVGs
//   stacked down the page, and the browser's first layout lays out every one of them: ~250 ms
//   of the main thread, during which Python's worker cannot start. Off-screen ones are skipped.
// The deck's favicon (deckkit/favicon.py draws it at build), beside the deck: without the link,
// browsers ask the origin's root for one.
const favicon = '<link rel="icon" href="favicon.ico">'

const pageStyle = `<style>
body[data-bespoke-view=""] .bespoke-marp-parent > .bespoke-marp-osc {
  top: 8px; right: 12px; bottom: auto; left: auto; transform: none; z-index: 11; background: #1f2329f2; }
body:not([data-bespoke-view]) svg[data-marpit-svg] { content-visibility: auto; contain-intrinsic-size: auto 100vw auto 56.25vw; }
</style>`

export default function runtimeScript(marp, { src }) {
  const render = marp.render.bind(marp)
  marp.render = (markdown, env) => {
    const result = render(markdown, env)
    return {
      ...result,
      html: `<script data-early-boot>${earlyBoot}</script>\n${favicon}\n${pageStyle}\n${result.html}\n<script>${fileNote}</script>\n<script>${deckPosition}</script>\n<script type="module" src="${src}"></script>`,
    }
  }
  return marp
}
