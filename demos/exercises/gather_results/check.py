# The task, made precise (loop time, tolerance run.near): the list ['HELLO', 'WORLD'] — the calls' order,
# not the order they finished — is printed right after both calls are done, 2 s after the start; the two
# calls wait at the same time, and nothing holds the loop meanwhile.
RIGHT, FINISH_ORDER = "['HELLO', 'WORLD']", "['WORLD', 'HELLO']"


def check(run):
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused()
    if run.iterates_done_set():
        run.fail("doneSetOrder")  # right or wrong, its order was luck
    lists = [event for event in run.prints() if "[" in event["text"] and "]" in event["text"]]
    if not lists:
        run.fail_if_cancelled("say_after", "notAwaited")
        run.fail("noResults")
    printed = next((event for event in lists if RIGHT in event["text"] or FINISH_ORDER in event["text"]), lists[-1])
    calls = run.prints("hello") + run.prints("world")  # say_after prints as it ends
    done = max(calls, key=lambda event: event["seq"]) if calls else printed  # when both calls were done
    if printed["seq"] < done["seq"]:
        run.fail("printedEarly", results=printed["text"], at=printed["t"])
    if FINISH_ORDER in printed["text"]:
        run.fail("finishOrder", results=FINISH_ORDER)
    if RIGHT not in printed["text"]:
        run.fail("results", results=printed["text"])
    if not run.near(done["t"], 2):
        waits, in_turn = run.one_after_the_other("say_after")
        if in_turn:
            run.fail("sequential", second=waits[1]["start"])
        if done["t"] > 2:
            run.fail("late", waited=done["t"] - 2)
        run.fail("delays", at=done["t"])
    if done is not printed and not run.right_after(done, printed):
        run.fail("late", waited=printed["t"] - done["t"])
