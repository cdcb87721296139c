# The task, made precise (loop time, tolerance run.near): `hello` is printed 1 s and `world` 2 s after
# `started at`, `finished at` right after `world` (waiting for nothing else): the two say_after wait at the
# same time, and nothing holds the loop meanwhile.
def check(run):
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused()
    started = run.printed(startswith="started at")
    start = started["t"] if started else 0.0
    hello, world = run.printed("hello"), run.printed("world")
    if hello is None or world is None:
        run.fail_if_cancelled("say_after", "tasksDropped")
        run.fail("output")
    if not (run.near(hello["t"] - start, 1) and run.near(world["t"] - start, 2)):
        waits, in_turn = run.one_after_the_other("say_after")
        if in_turn:
            # main awaited each say_after itself (the starter), or through tasks, gather, wait_for…
            direct = all(wait["chain"].index("say_after") == 1 for wait in waits) and not run.lanes("say_after(")
            run.fail("sequential" if direct else "oneAtATime")
        if waits and not run.near(waits[0]["start"] - start, 0):
            run.fail("late", waited=waits[0]["start"] - start)
        run.fail("delays", hello=hello["t"] - start, world=world["t"] - start)
    finished = run.printed(startswith="finished at")
    if finished is None:
        run.fail("output")
    if finished["seq"] < world["seq"]:
        run.fail("finishedEarly", at=finished["t"] - start)
    if not run.right_after(world, finished):
        run.fail("late", waited=finished["t"] - world["t"])
