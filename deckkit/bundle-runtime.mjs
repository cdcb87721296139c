// The browser runtime as ES modules (deckkit/build.py's bundle_runtime runs this): the page's entry,
// split into chunks it loads when it needs them, and the worker in one file (no chunk to fetch before
// Python boots), which carries the runtime's Python as text.
//
//   node deckkit/bundle-runtime.mjs <outdir> <stdlib archive's name>

import { readdir } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RUNTIME = `${ROOT}/slides/runtime`

/**
 * `import modules from 'python-package:<folder>'`: every .py file of that package folder and its subpackages
 * (relative to the importer), as [`<package>/<path>`, source] pairs in name order — the module list is the folder's.
 */
export const pythonPackage = {
  name: 'python-package',
  setup(build) {
    build.onResolve({ filter: /^python-package:/ }, ({ path, resolveDir }) => ({
      path: relative(ROOT, resolve(resolveDir, path.slice('python-package:'.length))), // no machine's path in the map
      namespace: 'python-package',
    }))
    build.onLoad({ filter: /.*/, namespace: 'python-package' }, async ({ path }) => {
      const folder = resolve(ROOT, path)
      const files = (await readdir(folder, { recursive: true }))
        .filter((file) => file.endsWith('.py') && !file.includes('__pycache__'))
        .sort()
      const name = folder.split('/').pop()
      const imports = files.map((file, i) => `import source${i} from ${JSON.stringify(`./${file}`)}`)
      const pairs = files.map((file, i) => `[${JSON.stringify(`${name}/${file}`)}, source${i}]`)
      return {
        contents: `${imports.join('\n')}\nexport default [${pairs.join(', ')}]\n`,
        resolveDir: folder,
        loader: 'js',
        watchDirs: [folder, ...new Set(files.map((file) => dirname(resolve(folder, file))))], // a module added or removed
      }
    })
  },
}

/** What *entry* (python-package.js) exports, bundled as the worker bundles it: the package's [name, source] pairs. */
export async function listed(entry) {
  const result = await esbuild.build({
    entryPoints: [entry], bundle: true, format: 'esm', write: false, loader: { '.py': 'text' }, plugins: [pythonPackage],
  })
  const code = result.outputFiles[0].text
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)).RUNTIME_MODULES
}

async function bundle(outdir, stdlibArchive) {
  const common = { bundle: true, format: 'esm', minify: true, sourcemap: true, target: 'es2022', outdir, logLevel: 'warning' }
  await esbuild.build({ ...common, entryPoints: [`${RUNTIME}/page/deck.js`], splitting: true })
  // Pyodide's loader imports node:* modules only when it runs under Node.
  await esbuild.build({
    ...common,
    entryPoints: [`${RUNTIME}/worker/python-worker.js`],
    loader: { '.py': 'text' },
    external: ['node:*'],
    plugins: [pythonPackage],
    // The standard library's files stored whole, in dist/stdlib/ (deckkit/stdlib_archive.py); none: Pyodide's own.
    define: { STDLIB_ARCHIVE: JSON.stringify(stdlibArchive ?? null) },
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundle(resolve(process.argv[2]), process.argv[3]).catch(() => process.exit(1)) // esbuild has printed why
}
