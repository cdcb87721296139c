# main: the script runs as the __main__ module — its attributes, sys.argv, pickle, type hints, doctest
# conformance: timed=no
import doctest
import os
import pickle
import sys
import typing
from dataclasses import dataclass

import __main__


@dataclass
class Point:
    x: int
    nearest: "Point | None" = None


def double(n):
    """
    >>> double(21)
    42
    """
    return n * 2


print(__doc__, __spec__, __package__, __cached__, __name__)
print(__main__ is sys.modules["__main__"], __main__.Point is Point, type(__loader__).__name__)
print(len(sys.argv), os.path.basename(sys.argv[0]) == os.path.basename(__file__))
print(pickle.loads(pickle.dumps(Point(1, Point(2)))))
print(typing.get_type_hints(Point))
print(doctest.testmod())
