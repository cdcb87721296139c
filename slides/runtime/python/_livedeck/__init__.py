"""The runtime of the live deck inside Pyodide: what makes a live cell run as CPython runs a script.

A private package (the leading underscore): the worker reaches it through one module, ``worker_api``; under
CPython the build and the tests import its tracer (``asyncio_timeline``) and graders (``grader``).
"""
