# Passes when the ticker is cancelled at 2.5 s, main waits until it has really stopped, then prints 'cancelled'.
def check(run):
    if run.error and "CancelledError" in run.error:
        run.fail("uncaught")
    if run.error:
        run.fail("error", error=run.error)
    if run.total >= 9.5:
        run.fail("not_cancelled")
    ticks = [line for line in run.stdout if line.startswith("tick")]
    if len(ticks) != 3:
        run.fail("ticks", ticks=len(ticks))
    main = run.lanes("main(")
    if main and main[0]["waits"] and main[0]["waits"][-1][2].startswith("sleep("):
        run.fail("not_awaited")  # main's last await was its own sleep: it never waited for the task to end
    if run.stdout[-1:] != ["cancelled"]:
        run.fail("output", printed=(run.stdout or ["—"])[-1])
