"""`invoke cpython-tests`' runner (deckkit/cpython_tests.py), without Debian's packages or a browser: the
program it runs reports every outcome, the control runs the deck's asyncio or refuses to run, and a native
run that eats memory or dies says so."""

import sys

import pytest

from deckkit import cpython_tests

SUBTESTS = '''\
import unittest

class T(unittest.TestCase):
    def test_subtests(self):
        for n in (1, 2):
            with self.subTest(n=n):
                self.assertEqual(n, 1)

    def test_guards_lifted(self):  # the package's own guards, false in a browser
        from test import support
        from test.support import threading_helper
        self.assertTrue(support.has_socket_support and threading_helper.can_start_thread)
'''


@pytest.fixture
def test_package(tmp_path):
    """A package shaped as CPython's test/ (its socket and thread guards, a test module), under tmp_path/tests."""
    package = tmp_path / "tests" / "test"
    (package / "support").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "support" / "__init__.py").write_text("has_socket_support = False\n")
    (package / "support" / "threading_helper.py").write_text("can_start_thread = False\n")
    (package / "test_sample.py").write_text(SUBTESTS)
    return package.parent


def test_a_failed_subtest_fails_its_test(test_package):
    # unittest gives a test with a failed subtest no addSuccess and no addFailure of its own: it was not
    # reported at all, and so counted as "not run" in the cell rather than failing in the control.
    code = cpython_tests.program(["test.test_sample"], test_package)
    results, problem = cpython_tests.run_native(sys.executable, code, {})
    assert problem is None
    outcome, detail = results["test.test_sample.T.test_subtests"]
    assert outcome == "fail" and "(n=2)" in detail
    assert results["test.test_sample.T.test_guards_lifted"] == ("pass", "")


def test_the_control_refuses_an_asyncio_other_than_the_decks(test_package, tmp_path, monkeypatch):
    deck = tmp_path / "deck-stdlib"
    deck.mkdir()
    monkeypatch.setattr(cpython_tests, "_control_tests", lambda: test_package)
    monkeypatch.setattr(cpython_tests, "_deck_asyncio", lambda: deck)
    monkeypatch.setattr(cpython_tests, "_control_env", lambda: {})
    with pytest.raises(cpython_tests.ControlError, match="not the deck's asyncio"):
        cpython_tests.run_control(sys.executable, ["test.test_sample"])  # no asyncio in deck/: the system's
    (deck / "asyncio").mkdir()
    (deck / "asyncio" / "__init__.py").write_text("")
    results, problem = cpython_tests.run_control(sys.executable, ["test.test_sample"])
    assert problem is None and results["(asyncio)"][1] == str(deck / "asyncio" / "__init__.py")


def test_a_native_run_past_its_memory_limit_says_so():
    results, problem = cpython_tests.run_native(sys.executable, "x = bytearray(3 * 1024**3)", {},
                                                memory=512 * 1024**2)
    assert results == {} and problem == "ran out of its 512 MiB memory limit (exit status 1)"


def test_a_test_past_the_memory_limit_is_named(test_package):
    (test_package / "test" / "test_greedy.py").write_text(
        "import unittest\nclass G(unittest.TestCase):\n    def test_greedy(self):\n        bytearray(3 * 1024**3)\n")
    code = cpython_tests.program(["test.test_greedy"], test_package)
    results, problem = cpython_tests.run_native(sys.executable, code, {}, memory=512 * 1024**2)
    assert results["test.test_greedy.G.test_greedy"][0] == "error"
    assert problem == "ran out of its 512 MiB memory limit in test.test_greedy.G.test_greedy"


def test_a_native_run_that_dies_says_how():
    results, problem = cpython_tests.run_native(sys.executable, "import sys; sys.exit('gone')", {})
    assert problem == "ended early (exit status 1): gone"


def test_only_the_c_classes_tests_of_a_later_accelerator_fix_are_told_apart():
    method = "test_eager_start_true_no_loop"
    failed = "AttributeError: 'NoneType' object has no attribute 'is_running'"
    c_test, py_test = (f"test.test_asyncio.test_tasks.{cls}.{method}" for cls in ("CTask_CFuture_Tests", "PyTask_PyFuture_Tests"))
    assert cpython_tests.why_not_asked(c_test, failed).startswith("gh-154695")
    assert cpython_tests.why_not_asked(py_test, failed) is None  # the pure-Python twin is asked of the deck
    assert cpython_tests.why_not_asked(py_test, "requires subprocess support") == "processes"  # assert_python_ok
    comparison = cpython_tests.Comparison(["test.test_asyncio.test_tasks.CTask_CFuture_Tests"],
                                          control={c_test: ("pass", ""), py_test: ("pass", "")},
                                          deck={c_test: ("error", failed), py_test: ("fail", "")}, deck_lines=[])
    assert [why for *_, why in comparison.not_in_deck()] == [cpython_tests.ACCELERATOR_FIXES[method], None]
    assert comparison.fixes_passing_in_deck() == []
    comparison.deck[c_test] = ("pass", "")
    assert comparison.fixes_passing_in_deck() == [c_test]  # the table no longer holds: said, and a failure


def test_a_failure_is_told_a_platform_limit_by_its_cause_only():
    # The loopback network is the cell's: a failure that mentions sockets is asked of the deck.
    test = "test.test_asyncio.test_streams.StreamTests.test_open_connection"
    for detail in ("OSError: [Errno 138] Not supported", "Traceback …\nConnectionResetError: socket closed",
                   "AssertionError: sock_recv returned b''", "requires subprocess support, and more"):
        assert cpython_tests.why_not_asked(test, detail) is None, detail
    assert cpython_tests.why_not_asked(test, "requires subprocess support") == "processes"
    assert cpython_tests.why_not_asked(test, "requires working os.fork()") == "processes"
    assert cpython_tests.why_not_asked(test, "Traceback …\nRuntimeError: the fd 4 must be in non-blocking mode") == "signals"
    assert cpython_tests.why_not_asked(test, "need os.openpty()") == "pipes"
    unix = "test.test_asyncio.test_server.UnixServerCleanupTests.test_unix_server_cleanup_gone"
    assert cpython_tests.why_not_asked(unix, "FileNotFoundError: [Errno 44] No such file or directory") == "unix-files"


def test_the_cell_does_not_run_the_tests_that_would_wait_forever_there_and_counts_them(test_package, monkeypatch):
    monkeypatch.setitem(cpython_tests.NEVER_END, "T.test_sub*", ("pipes", "it waits"))
    code = cpython_tests.program(["test.test_sample"])  # the cell's program: it fetches the package
    code = code.replace(code[code.index("import io, zipfile"):code.index("sys.path[:0]")],
                        f"ROOT = {str(test_package)!r}\n")
    results, problem = cpython_tests.run_native(sys.executable, code, {})
    outcome, detail = results["test.test_sample.T.test_subtests"]
    assert (outcome, detail) == ("skip", "not run in the cell: it waits")
    assert cpython_tests.why_not_asked("test.test_sample.T.test_subtests", detail) == "pipes"
    assert results["test.test_sample.T.test_guards_lifted"] == ("pass", "")
    control = cpython_tests.program(["test.test_sample"], test_package)  # the control runs it
    assert cpython_tests.run_native(sys.executable, control, {})[0]["test.test_sample.T.test_subtests"][0] == "fail"
