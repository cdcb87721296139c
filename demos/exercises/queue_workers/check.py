# The task, made precise (loop time, tolerance run.near): two workers, A and B, take the four jobs from
# one queue at once, each job once, so that the last is done 2 s after the start and main ends right then;
# nothing holds the loop meanwhile.
import re

JOB = re.compile(r"(\w+) did job (\d+)")


def check(run):
    if run.error:
        run.fail("error", error=run.error)
    run.fail_if_loop_misused()
    done = [(event, JOB.fullmatch(event["text"])) for event in run.prints()]
    done = [(event, match) for event, match in done if match]
    jobs = sorted(int(match[2]) for _, match in done)
    if jobs != [1, 2, 3, 4]:
        if len(jobs) < 4:
            run.fail_if_cancelled("worker", "tasksDropped")
        run.fail("jobs", jobs=", ".join(map(str, jobs)) or "-")
    last = max((event for event, _ in done), key=lambda event: event["seq"])
    names = sorted({match[1] for _, match in done})
    if len(names) == 1 and last["t"] > 2.5:
        run.fail("oneWorker", worker=names[0])
    if names != ["A", "B"]:
        run.fail("names", names=", ".join(names))
    if not run.near(last["t"], 2):
        run.fail("timing", at=last["t"])
    if not run.near(run.total, last["t"]):
        run.fail("late", waited=run.total - last["t"])
