# Passes when the slow call is given up after 1 s and 'timed out' is printed.
def check(run):
    if run.error and "TimeoutError" in run.error:
        run.fail("uncaught")
    if run.error:
        run.fail("error", error=run.error)
    if run.total >= 9.5:
        run.fail("no_timeout")
    if run.total > 1.2:
        run.fail("too_long")
    if run.total < 0.5:
        run.fail("too_short")
    if run.stdout[-1:] != ["timed out"]:
        run.fail("output", printed=(run.stdout or ["—"])[-1])
