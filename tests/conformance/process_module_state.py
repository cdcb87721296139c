# process: modules a run imports, attributes it sets on the standard library's and builtins' are gone in the next
# conformance: runs=2
import asyncio
import builtins
import json
import sys

print("colorsys imported:", "colorsys" in sys.modules)
print("asyncio._deck_note:", getattr(asyncio, "_deck_note", None))
print("builtins.shared:", getattr(builtins, "shared", None))
print("json.dumps replaced:", json.dumps.__name__ != "dumps")
import colorsys  # noqa: E402,F401

asyncio._deck_note = "left by the last run"
builtins.shared = "left by the last run"
json.dumps = lambda *args, **kwargs: "patched"
