"""Record every demo under CPython, in virtual loop time: its output, its elapsed loop time and
its event-loop timeline (SVG). The PDF prints these where a live cell cannot run, and dist/
ships the timelines as pictures.

Run as `python -m deckkit.recording` (in its own process: a demo may change global state).
"""

import argparse
import json
import platform
from pathlib import Path

from .paths import DEMOS, ROOT, demo_files

RECORDINGS = ROOT / "build" / "recordings"

from _livedeck import asyncio_timeline  # the tracer shared with the browser runtime


def record(name: str, path: Path | None = None) -> dict:
    """demos/<name>.py, or the script at *path* (an exercise's starter or solution) recorded as *name*."""
    from .demo_runner import run_demo, run_file

    tracer = asyncio_timeline.Tracer()
    with tracer:
        transcript = run_demo(name) if path is None else run_file(path)
    trace = dict(tracer.as_dict())
    del trace["events"]  # the graders' facts: no picture or page shows them
    # Name the file as the live cell does (await_coroutine.py:8), not by this machine's path.
    return {
        "name": name,
        "python": platform.python_version(),
        "output": [[stream, text.replace(f"{DEMOS}/exercises/", "").replace(f"{DEMOS}/", "")] for stream, text in transcript.lines],
        "elapsed": round(transcript.loop_elapsed, 3),
        "trace": trace if tracer.lanes else None,
        "timeline": asyncio_timeline.render_svg(trace) if tracer.lanes else None,
    }


def record_all(out: Path = RECORDINGS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    from .exercises import exercises

    scripts = [(demo.stem, None) for demo in demo_files()]
    for exercise in exercises():  # the exercise slide shows the starter; the PDF's next page, the solution
        scripts += [(exercise.name, exercise.starter), (f"{exercise.name}.solution", exercise.solution)]
    for name, script in scripts:
        recording = record(name, script)
        path = out / f"{name}.json"
        path.write_text(json.dumps(recording, ensure_ascii=False, indent=1))
        written.append(path)
        if recording["timeline"]:
            (out / f"{name}.svg").write_text(recording["timeline"])
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=RECORDINGS)
    args = parser.parse_args()
    for path in record_all(args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
