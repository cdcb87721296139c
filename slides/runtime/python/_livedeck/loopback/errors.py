"""The errors a Linux machine's sockets raise, as CPython shows them there.

The numbers are this platform's (``errno.ECONNREFUSED`` is what ``OSError`` maps to
``ConnectionRefusedError``, and what asyncio compares with); the messages are glibc's,
which CPython on Linux prints (this platform's C library words some differently:
"Address in use" for "Address already in use").
"""

import errno

_GLIBC = {
    "EACCES": "Permission denied",
    "EADDRINUSE": "Address already in use",
    "EADDRNOTAVAIL": "Cannot assign requested address",
    "EAFNOSUPPORT": "Address family not supported by protocol",
    "EAGAIN": "Resource temporarily unavailable",
    "EALREADY": "Operation already in progress",
    "EBADF": "Bad file descriptor",
    "ECONNABORTED": "Software caused connection abort",
    "ECONNREFUSED": "Connection refused",
    "ECONNRESET": "Connection reset by peer",
    "EDESTADDRREQ": "Destination address required",
    "EEXIST": "File exists",
    "EINPROGRESS": "Operation now in progress",
    "EINVAL": "Invalid argument",
    "EISCONN": "Transport endpoint is already connected",
    "EMSGSIZE": "Message too long",
    "ENETUNREACH": "Network is unreachable",
    "ENOENT": "No such file or directory",
    "ENOPROTOOPT": "Protocol not available",
    "ENOTCONN": "Transport endpoint is not connected",
    "ENOTSOCK": "Socket operation on non-socket",
    "EOPNOTSUPP": "Operation not supported",
    "EPERM": "Operation not permitted",
    "EPIPE": "Broken pipe",
    "EPROTONOSUPPORT": "Protocol not supported",
    "EPROTOTYPE": "Protocol wrong type for socket",
    "ESOCKTNOSUPPORT": "Socket type not supported",
}
MESSAGES = {getattr(errno, name): text for name, text in _GLIBC.items() if hasattr(errno, name)}


def error(name, message=None):
    """OSError for errno *name* ("ECONNREFUSED"): its subclass, as CPython raises it."""
    code = getattr(errno, name, errno.EINVAL)  # (every name here exists on Linux and in Pyodide)
    return OSError(code, message if message is not None else MESSAGES.get(code, _GLIBC[name]))


def of_code(code):
    return OSError(code, MESSAGES.get(code) or errno.errorcode.get(code, str(code)))


def would_block():
    return error("EAGAIN")


def timed_out():
    return TimeoutError("timed out")  # socket.timeout, as CPython's socket module words it
