"""Errors of demotrace. The CLI maps them to exit codes and one-line messages.

DemotraceError            exit 1: something failed at run time
├── BundleError           a session bundle or spool is unreadable or corrupt
├── CaptureError          the X display, a source or the spool failed
├── QuotaExceeded         the spool is full (capture pauses)
├── ServiceError          the service answered with an error or could not be reached
└── UsageError            exit 2: bad input from the user
    └── PolicyError       a policy file is malformed (names the key and the line)
"""

from __future__ import annotations


class DemotraceError(Exception):
    exit_code = 1


class BundleError(DemotraceError):
    pass


class CaptureError(DemotraceError):
    pass


class QuotaExceeded(DemotraceError):
    pass


class ServiceError(DemotraceError):
    pass


class UsageError(DemotraceError):
    exit_code = 2


class PolicyError(UsageError):
    pass
