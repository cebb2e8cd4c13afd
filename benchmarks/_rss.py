"""Peak resident memory of this process in MB, from /proc/self/status (VmHWM).

`resource.getrusage(...).ru_maxrss` is not used: on Linux it survives exec, so a child started by
subprocess (vfork + exec) reports its parent's peak. VmHWM belongs to the process's own address space.
"""
from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
