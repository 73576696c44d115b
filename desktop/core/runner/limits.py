"""How much a submission may use. One object per run; the defaults suit
interview-sized problems on a modest laptop."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Limits:
    time_limit_s: float = 2.0      # wall time of one test
    total_time_s: float = 20.0     # wall time of the whole submission (all tests, restarts)
    memory_mb: int = 256           # address space of the program (Python, C++); heap for JavaScript
    output_limit_kb: int = 1024    # output of one test; also the largest file the program may write
    disk_limit_mb: int = 64        # everything the program writes into its folder, all files together
    processes: int = 32            # processes + threads the program may have at once
    compile_time_s: float = 30.0   # C++ compilation
    startup_s: float = 10.0        # interpreter start + loading the code, before the first test
    # After this many tests went over the time or memory limit, the rest are not
    # run (they get the same verdict): a hung solution should not cost minutes.
    max_costly_failures: int = 2

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def output_limit_bytes(self) -> int:
        return self.output_limit_kb * 1024

    @property
    def disk_limit_bytes(self) -> int:
        return self.disk_limit_mb * 1024 * 1024
