# Passes when ['HELLO', 'WORLD'] is printed after 2 s, both say_after running at once.
def check(run):
    if run.error:
        run.fail("error", error=run.error)
    results = run.line("[")
    if results is None:
        run.fail("no_results")
    if results == "['WORLD', 'HELLO']":
        run.fail("finish_order", results=results)
    if results != "['HELLO', 'WORLD']":
        run.fail("results", results=results)
    says = run.lanes("say_after(")
    if len(says) < 2:
        run.fail("sequential")
    if run.overlap(says[0], says[1]) < 0.5:
        run.fail("one_at_a_time")
    if run.total > 2.5:  # live runs are in real time: room for a busy machine, short of 3 s
        run.fail("slow")
