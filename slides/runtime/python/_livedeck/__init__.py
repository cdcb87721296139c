"""The runtime of the live deck inside Pyodide: what makes a live cell run as CPython runs a script.

A private package (the leading underscore): the worker reaches it through ``live_runtime``; under
CPython the build and the tests import its tracer (``asyncio_timeline``) and graders (``grader``).
"""
