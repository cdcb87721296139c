# process: os.environ changed by one run is the parent's again in the next
# conformance: runs=2
import os

print("DECK_DEMO_SETTING:", os.environ.get("DECK_DEMO_SETTING"))
os.environ["DECK_DEMO_SETTING"] = "set by the last run"
os.environ.pop("HOME", None)
print("HOME kept:", "HOME" in os.environ)
