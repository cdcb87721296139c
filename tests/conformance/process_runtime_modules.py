# main: the script's sys.modules holds nothing of the deck's runtime at top level (a module of the learner's own name wins)
import sys

RUNTIME = ("live_runtime", "script_loop", "script_main", "script_errors", "script_exit", "script_output",
           "green_threads", "platform_notes", "platform_limits", "fresh_process", "thread_gc", "asyncio_timeline",
           "grader")
print([name for name in sys.modules if name.split(".")[0] in RUNTIME])
