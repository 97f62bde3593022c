"""One clock: no module of the core asks the system for the date or time but clock.py."""

import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "clinic_app"
OWN_CLOCK = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|datetime\.today|time\.localtime|time\.gmtime)\(")


def test_only_clock_py_reads_the_system_clock():
    offenders = [
        f"{path.relative_to(CORE.parent)}:{n}"
        for path in sorted(CORE.rglob("*.py"))
        if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_CLOCK.search(line)
    ]
    assert not offenders, "use clinic_app.clock instead: " + ", ".join(offenders)


def test_the_check_sees_a_private_clock():
    assert OWN_CLOCK.search("    today = date.today()") and not OWN_CLOCK.search("    today = clock.today()")
