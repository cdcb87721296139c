# The task, made precise (loop time, tolerance run.near): slow_call is awaited from the start and given
# up 1 s later — its await cancelled, or main no longer waiting for it — and then `timed out` is printed.
# slow_call may run as a task or inside main (timeout, wait_for): the waits down slow_call say when.
def check(run):
    if run.error and "TimeoutError" in run.error:
        run.fail("uncaught")
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused()
    waits = run.waits("slow_call")
    if not waits:
        run.fail("notCalled")  # 'timed out' after a wait of its own: slow_call never ran
    began, ended = min(wait["start"] for wait in waits), max(wait["end"] for wait in waits)
    if not any(wait["cancelled"] for wait in waits) and any(f["outcome"] == "returned" for f in run.finishes("slow_call")) \
            or run.near(ended - began, 10):
        run.fail("noTimeout", waited=ended - began)
    said = run.printed("timed out")
    first = min(wait["seq"] for wait in waits)
    # main stopped waiting: slow_call's await cancelled, or main went on (and said so) leaving it behind
    gave_up = min(ended, said["t"]) if said and said["seq"] > first else ended
    limit = gave_up - began
    if limit < 1 - 0.05:
        run.fail("limitShort", limit=limit)
    if not run.near(limit, 1):
        run.fail("limitLong", limit=limit)
    if said is None:
        run.fail("output", printed=(run.stdout or ["—"])[-1])
    if said["t"] < gave_up - 0.05 or said["seq"] < first:
        run.fail("printedEarly", at=said["t"])
