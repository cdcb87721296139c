// Marp engine plugin: loads the live-cell runtime (slides/runtime/, bundled into
// dist/runtime/ by `invoke build`) from a URL relative to the deck, so dist/
// works from any static host and sub-path. Print builds (PDF) get no runtime.
export default function runtimeScript(marp, { src }) {
  const render = marp.render.bind(marp)
  marp.render = (markdown, env) => {
    const result = render(markdown, env)
    return { ...result, html: `${result.html}\n<script type="module" src="${src}"></script>` }
  }
  return marp
}
