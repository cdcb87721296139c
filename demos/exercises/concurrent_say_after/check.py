# Passes when hello and world print in 2 s because the two say_after tasks overlap.
def check(run):
    if run.error:
        run.fail("error", error=run.error)
    says = run.lanes("say_after(")
    if "hello" not in run.stdout or "world" not in run.stdout:
        run.fail("not_awaited" if run.total < 0.5 else "output")
    if run.stdout.index("hello") > run.stdout.index("world"):
        run.fail("output")
    if len(says) < 2:  # awaited in main directly: no task of their own, one after the other
        run.fail("sequential")
    if run.overlap(says[0], says[1]) < 0.5:
        run.fail("one_at_a_time")
    if run.total > 2.5:  # live runs are in real time: room for a busy machine, short of 3 s
        run.fail("slow")
