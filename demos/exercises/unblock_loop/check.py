# The task, made precise (loop time, tolerance run.near): A and B each print `… starts at` and, one second
# later, `… ends at`, both ending at 1.0 s; nothing holds the loop (no time.sleep on it, no long step).
def short(task):
    """blocking('A', 16.2) → blocking('A'): t0 is loop time, noise in a message."""
    return task.split(",")[0].rstrip(")") + ")" if task.startswith("blocking(") else task


def check(run):
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused(short)
    starts = [run.printed(startswith=f"{name} starts at") for name in "AB"]
    ends = [run.printed(startswith=f"{name} ends at") for name in "AB"]
    if None in ends or None in starts:
        run.fail_if_cancelled("blocking", "tasksDropped", short)
        run.fail("output")
    waited = {name: end["t"] - start["t"] for name, start, end in zip("AB", starts, ends)}
    if all(run.near(end["t"], 1) for end in ends) and all(run.near(seconds, 1) for seconds in waited.values()):
        return
    a_end, b_start = ends[0]["t"], starts[1]["t"]
    if b_start >= a_end - 0.05 and a_end > 0.5:  # B began when A had ended
        run.fail("oneAtATime", ends=ends[1]["text"], started=b_start)
    late = max(range(2), key=lambda index: starts[index]["t"])  # the waits are right, but main waited before one
    if all(run.near(seconds, 1) for seconds in waited.values()) and not run.near(starts[late]["t"], 0):
        run.fail("lateStart", ends=ends[late]["text"], name="AB"[late], started=starts[late]["t"])
    name = max(waited, key=lambda name: abs(waited[name] - 1))
    run.fail("waitChanged", ends=ends["AB".index(name)]["text"], name=name, waited=waited[name])
