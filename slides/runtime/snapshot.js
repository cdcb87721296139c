// Memory snapshots of a booted interpreter, kept in the browser's Cache Storage, so
// a reopened deck and every Stop restore Python in well under a second instead of
// a ~3 s cold boot. Pyodide's snapshot options are underscored (experimental):
// every failure here falls back to a cold boot, and the caller says which ran.

const CACHE = 'asyncio-live-deck-python'
const RESTORE_TIMEOUT_MS = 15_000

// What a snapshot holds beyond a bare interpreter: the modules every cell needs.
// Only stdlib state — no JavaScript references — so the snapshot can be serialized.
export const PRELOAD = `
import ast, asyncio, builtins, collections, gc, heapq, html, inspect, linecache
import math, os, sys, time, traceback, weakref
import pyodide.webloop
`

function hash(text) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}

/** The cache key: a stale snapshot (other Pyodide, other preload) is never used. */
export function snapshotKey(base, pyodideVersion) {
  return new URL(`pyodide/.snapshots/${pyodideVersion}-${hash(PRELOAD)}.bin`, base).href
}

function supported() {
  return typeof caches !== 'undefined'
}

export async function readSnapshot(key) {
  if (!supported()) return null
  try {
    const response = await (await caches.open(CACHE)).match(key)
    return response ? new Uint8Array(await response.arrayBuffer()) : null
  } catch {
    return null
  }
}

export async function writeSnapshot(key, bytes) {
  if (!supported()) return false
  try {
    const cache = await caches.open(CACHE)
    await cache.put(key, new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }))
    for (const old of await cache.keys()) if (old.url !== key) await cache.delete(old) // stale ones
    return true
  } catch {
    return false // quota, private mode…: the next boot is cold, nothing else changes
  }
}

export async function dropSnapshot(key) {
  if (!supported()) return
  try {
    await (await caches.open(CACHE)).delete(key)
  } catch {}
}

/** loadPyodide from a snapshot; null (and the snapshot dropped) if it fails in any way. */
export async function restore(loadPyodide, options, key, bytes) {
  try {
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('snapshot restore timed out')), RESTORE_TIMEOUT_MS),
    )
    const pyodide = await Promise.race([loadPyodide({ ...options, _loadSnapshot: bytes }), timeout])
    if (pyodide.runPython('1 + 1') !== 2) throw new Error('restored interpreter misbehaves')
    return pyodide
  } catch {
    await dropSnapshot(key)
    return null
  }
}
