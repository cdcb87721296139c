# The task, made precise (loop time, tolerance run.near): a cancellation reaches ticker at 2.5 s (after
# tick 0, 1 and 2), ticker stops there, and then — once it has finished — main prints `cancelled`.
# ticker may run as a task or be awaited inside main (wait_for, timeout): both are ticker stopping.
def check(run):
    if run.error and "CancelledError" in run.error:
        run.fail("exceptException" if run.catches_around_await("Exception") else "uncaught")
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused()
    # When a cancellation reached ticker (moment, order): in its own task, or while main awaited it.
    reached = [(event["t"], event["seq"]) for event in run.cancels("ticker")]
    reached += [(wait["end"], wait["end_seq"]) for wait in run.waits("ticker") if wait["cancelled"]]
    ticks = run.prints(startswith="tick ")
    if not reached:
        run.fail("notCancelled", ticks=len(ticks))
    cancelled_at, cancelled_seq = min(reached)
    if any(tick["seq"] > cancelled_seq for tick in ticks):
        run.fail("swallowed", at=cancelled_at, ticks=len(ticks))
    if cancelled_at < 2.5 - 0.05:
        run.fail("tooEarly", at=cancelled_at, ticks=len(ticks))
    if not run.near(cancelled_at, 2.5):
        run.fail("tooLate", at=cancelled_at, ticks=len(ticks))
    # When ticker had stopped: its task finished, or main's await of it ended.
    stopped = [event["seq"] for event in run.finishes("ticker")]
    stopped += [wait["end_seq"] for wait in run.waits("ticker")]
    said = run.printed("cancelled")
    if said is None:
        run.fail("output", printed=(run.stdout or ["—"])[-1])
    if said["task"] and said["task"].startswith("ticker("):
        run.fail("printedByTask")
    if said["seq"] < max(stopped):
        run.fail("printedEarly", at=said["t"])
