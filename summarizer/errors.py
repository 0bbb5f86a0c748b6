"""Every error type daily-brief raises on purpose.

The CLI maps these to one-line messages and exit codes; anything else is a bug.
"""

from __future__ import annotations


class BriefError(Exception):
    """Base of all expected failures: the message is shown to the user as one line."""

    exit_code = 1


class InputError(BriefError):
    """Nothing usable is left to build a brief from (missing paths, empty or binary files)."""

    exit_code = 2


class UnreadableSource(BriefError):
    """One input cannot be used; the pipeline skips it and names it with this reason."""

    exit_code = 2


class ConfigError(BriefError):
    """A themes file, templates folder or option value is wrong."""

    exit_code = 2


class TemplateError(BriefError):
    """A template is missing or fails to render."""

    exit_code = 2


class OutputError(BriefError):
    """The brief could not be written where asked."""

    exit_code = 1


class WorkerError(BriefError):
    """A worker process ended before handing back its share (killed, out of memory): the
    brief is not built, nothing is written."""

    exit_code = 1


class DeliveryError(BriefError):
    """The brief was built but could not be sent or published; the brief itself is intact."""

    exit_code = 3


class SendError(DeliveryError):
    """The mail server could not be reached or refused the message.

    ``transient`` failures (refused connection, timeout, a 4xx reply) are worth retrying;
    the others (TLS, authentication, a refused recipient) would only fail the same way again.
    """

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class PublishError(DeliveryError):
    """The site folder could not be updated; the previous site is left as it was."""


class RepairedInput(UserWarning):
    """An input was used with part of it repaired (bytes that are not UTF-8 replaced): a
    warning, not an error, so the brief is still built; the CLI shows it as one line."""


class Terminated(BaseException):
    """SIGTERM arrived: like Ctrl-C it unwinds the command (temporary files removed, the
    folder's lock released), which then exits 143. Not an Exception, so nothing swallows it."""

    exit_code = 143
