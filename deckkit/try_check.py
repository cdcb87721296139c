"""Run one answer through an exercise's check under CPython, as the tests do (loop time, traced), letting
the check's own errors show with their traceback: `python -m deckkit.try_check EXERCISE ANSWER.py [--lang ko]`.
Prints the verdict the learner would read."""

import argparse
import sys
from pathlib import Path

from _livedeck.asyncio_timeline import Tracer
from _livedeck.grader import Failed, Run

from .demo_runner import run_file
from .exercises import Exercise
from .paths import DEMOS


def traced_run(path: Path) -> Run:
    """The answer run as the cell would run it, traced like the timeline."""
    tracer = Tracer()
    with tracer:
        transcript = run_file(path)
    return Run(transcript.stdout.splitlines(), transcript.stderr.splitlines(), transcript.status, tracer.as_dict(),
               path.read_text())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("exercise")
    parser.add_argument("answer", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--demos", type=Path, default=DEMOS, help="the demos folder (another copy of the project's)")
    args = parser.parse_args(argv)
    exercise = Exercise(args.exercise, args.demos)
    run = traced_run(args.answer.resolve())
    try:
        exercise.check()(run)  # not through grade(): an error in the check shows with its traceback
        key, values = "pass", {"total": run.total}
    except Failed as failed:
        key, values = failed.key, failed.values
    print(f"{key}: {exercise.text(args.lang)['messages'][key].format(**values)}")
    return 0 if key == "pass" else 1


if __name__ == "__main__":
    sys.exit(main())
