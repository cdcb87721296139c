// Turns the bytes Python writes to stdout and stderr into lines, in the order it wrote them.
//
// Pyodide's `batched` handler holds a line without a newline until the next one comes, so a last
// `print(..., end="")` showed up in the next run. Here each stream's bytes are decoded as they come
// (UTF-8 split across writes included); a complete line goes out at once, a partial one when the
// other stream writes (so the two keep their print order) or when the run ends (flush).

export class OutputLines {
  constructor(emit) {
    this.emit = emit // (stream, text) => void
    this.decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() }
    this.partial = { stdout: '', stderr: '' }
  }

  write(stream, bytes) {
    const other = stream === 'stdout' ? 'stderr' : 'stdout'
    this.#flushStream(other)
    const lines = (this.partial[stream] + this.decoders[stream].decode(bytes, { stream: true })).split('\n')
    this.partial[stream] = lines.pop()
    for (const line of lines) this.emit(stream, line)
    return bytes.length
  }

  /** The stream's unfinished line so far (a prompt, when a read of stdin starts). */
  pending(stream) {
    return this.partial[stream]
  }

  /** Before a note, and at the end of a run: nothing stays behind for the next run. */
  flush() {
    this.#flushStream('stdout')
    this.#flushStream('stderr')
  }

  #flushStream(stream) {
    const text = this.partial[stream] + this.decoders[stream].decode()
    this.partial[stream] = ''
    if (text) this.emit(stream, text)
  }
}
