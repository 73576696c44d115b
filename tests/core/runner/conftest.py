from __future__ import annotations

import pytest

from desktop.core.runner import Limits

# Short limits keep the failure cases (loops, bombs) quick.
FAST = Limits(time_limit_s=1.0, total_time_s=10.0)


@pytest.fixture
def fast_limits():
    return FAST
