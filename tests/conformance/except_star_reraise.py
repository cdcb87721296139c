# ExceptionGroup / except*: what is not handled propagates
class Problem(Exception):
    pass

try:
    try:
        raise ExceptionGroup("several", [Problem("a"), KeyError("b")])
    except* Problem as group:
        print("handled", group.exceptions)
except ExceptionGroup as rest:
    print("left over:", rest.exceptions)
