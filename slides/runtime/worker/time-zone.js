// The browser's time zone, read again by an interpreter restored from a snapshot. C's start-up
// reads the zone once (Emscripten's tzset() runs _tzset_js only the first time), so a snapshot
// holds the zone of the browser that made it — for the deck's own snapshot, the build machine's:
// strftime('%Z') would print 'UTC-0000' in Seoul. This writes C's timezone, daylight and
// tzname[] again, as that first tzset() did; fresh_process.py then sets Python's time module
// from them.
export function readTimeZoneAgain(pyodide) {
  const module = pyodide._module
  if (typeof module.__tzset_js !== 'function' || !module._tzname) return false // another Emscripten: left as is
  const names = module._tzname >>> 2 // char *tzname[2]: the buffers the first tzset() filled
  module.__tzset_js(module._timezone, module._daylight, module.HEAPU32[names], module.HEAPU32[names + 1])
  return true
}
