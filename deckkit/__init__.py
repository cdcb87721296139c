"""Build, serve and check the asyncio live deck (used by tasks.py and the tests)."""
