# Passes when A and B both end at 1.0 s and no task held the loop meanwhile.
def check(run):
    if run.error:
        run.fail("error", error=run.error)
    blocked = run.blocked()
    if blocked:
        task = blocked[0].split(",")[0].rstrip(")") + ")"  # blocking('A', 16.2) → blocking('A')
        run.fail("blocked", task=task, seconds=blocked[1])
    ends = [run.line(f"{name} ends at") for name in "AB"]
    seconds = [run.number(line) for line in ends]
    if None in seconds:
        run.fail("output")
    if max(seconds) < 0.5:
        run.fail("not_awaited", ends=ends[1])
    if max(seconds) > 1.5:  # one after the other: 2.0 s
        run.fail("one_at_a_time", ends=ends[seconds.index(max(seconds))])
