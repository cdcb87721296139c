# asyncio-dev: a UserWarning, once per location (the default filter)
# conformance: stderr=full
import warnings

for _ in range(3):
    warnings.warn("careful")
print("warned")
