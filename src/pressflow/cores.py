"""The cores a process may use, and workers that end with the process that started them: what
every process pool of pressflow's needs, apart from the work it runs."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def cpu_count() -> int:
    """The cores this process may use (a container's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def die_with_parent(parent: int) -> None:
    """End this worker when the process that started it dies (a ``kill -9`` of ``update``): an
    orphan would go on computing for nobody. Linux kills it at once (``PR_SET_PDEATHSIG``);
    elsewhere, and as a backstop, a thread notices the parent is gone within a second."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no libc prctl: the thread
            import ctypes  # (a worker's, not every command's start-up)

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="pressflow-parent-watch", daemon=True).start()
