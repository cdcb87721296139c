# process: logging.basicConfig in one run leaves nothing for the next (a new process per run)
# conformance: runs=2 stderr=full
import logging

print("handlers before:", len(logging.getLogger().handlers))
logging.basicConfig(level=logging.INFO, format="%(levelname)s|%(name)s|%(message)s")
logging.info("configured once")
logging.getLogger("app").warning("one line, in this run's format")
