# Passes when the slow call is given up after 1 s and 'timed out' is printed.
def check(run):
    if run.error and "TimeoutError" in run.error:
        run.fail("uncaught")
    if run.error:
        run.fail("error", error=run.error)
    if run.total >= 9.5:
        run.fail("no_timeout")
    if run.total > 1.5:  # live runs are in real time: room for a busy machine
        run.fail("too_long")
    if run.total < 0.5:
        run.fail("too_short")
    if not (run.lanes("slow_call(") or run.waited_on("sleep(10)")):
        run.fail("not_called")  # 'timed out' after a sleep of its own: the slow call never ran
    if run.stdout[-1:] != ["timed out"]:
        run.fail("output", printed=(run.stdout or ["—"])[-1])
