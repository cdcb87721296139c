# The task, made precise (loop time, tolerance run.near): the list ['HELLO', 'WORLD'] — the calls' order,
# not the order they finished — is printed 2 s after the start, once both calls are done; the two calls
# wait at the same time, and nothing holds the loop meanwhile.
RIGHT, FINISH_ORDER = "['HELLO', 'WORLD']", "['WORLD', 'HELLO']"


def check(run):
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused()
    if run.iterates_done_set():
        run.fail("doneSetOrder")  # right or wrong, its order was luck
    lists = [event for event in run.prints() if "[" in event["text"] and "]" in event["text"]]
    if not lists:
        run.fail("notAwaited" if run.cancelled("say_after") else "noResults")
    printed = next((event for event in lists if RIGHT in event["text"] or FINISH_ORDER in event["text"]), lists[-1])
    last_done = max((event["seq"] for event in run.prints("hello") + run.prints("world")), default=-1)
    if printed["seq"] < last_done:
        run.fail("printedEarly", results=printed["text"], at=printed["t"])
    if FINISH_ORDER in printed["text"]:
        run.fail("finishOrder", results=FINISH_ORDER)
    if RIGHT not in printed["text"]:
        run.fail("results", results=printed["text"])
    if not run.near(printed["t"], 2):
        waits, in_turn = run.one_after_the_other("say_after")
        if in_turn:
            run.fail("sequential", second=waits[1]["start"])
        if printed["t"] > 2:
            run.fail("late", waited=printed["t"] - 2)
        run.fail("delays", at=printed["t"])
