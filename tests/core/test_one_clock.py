"""One clock: no module of the core or the app asks the system for the date or time but
clock.py, and its "today" is the clinic's local calendar date."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OWN_CLOCK = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|datetime\.today|time\.localtime|time\.gmtime)\(")
UTC_DATE = re.compile(r"\b(built_at|build_time\(\)|utc_now\(\))\.date\(\)")  # a moment's UTC date where a calendar date is meant


def test_only_clock_py_reads_the_system_clock():
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("clinic_app", "ui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_CLOCK.search(line) or UTC_DATE.search(line)
    ]
    assert not offenders, "use clinic_app.clock (today(), calendar_date(moment)) instead: " + ", ".join(offenders)


def test_the_check_sees_a_private_clock():
    assert OWN_CLOCK.search("    today = date.today()") and not OWN_CLOCK.search("    today = clock.today()")
    assert UTC_DATE.search("long_date(ctx.built_at.date())") and not UTC_DATE.search("clock.calendar_date(ctx.built_at)")
    assert any((ROOT / "ui").rglob("*.py")) and (ROOT / "clinic_app" / "clock.py").is_file()


# At 02:30 UTC on 27 November it is still the 26th in California and already the 27th in Tokyo.
TODAY_AT = """
from datetime import datetime, timezone
from clinic_app import clock
clock.utc_now = lambda: datetime(2026, 11, 27, 2, 30, tzinfo=timezone.utc)
print(clock.today().isoformat(), clock.now_iso(), clock.calendar_date(clock.build_time()).isoformat())
"""


def test_today_and_document_dates_are_the_clinics_local_date_and_moments_stay_utc():
    seen = {}
    for zone in ("America/Los_Angeles", "Asia/Tokyo", "UTC"):
        env = {**os.environ, "TZ": zone, "SOURCE_DATE_EPOCH": "1795746600"}  # the same moment, for documents
        out = subprocess.run([sys.executable, "-c", TODAY_AT], env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        seen[zone] = out.split()
    assert seen["America/Los_Angeles"][0] == seen["America/Los_Angeles"][2] == "2026-11-26"  # the letter's date too
    assert seen["Asia/Tokyo"][0] == seen["UTC"][0] == seen["UTC"][2] == "2026-11-27"
    assert {v[1] for v in seen.values()} == {"2026-11-27T02:30:00+00:00"}  # the audit's moments do not move


# 01:30 UTC on 28 November is still 5:30 pm on the 27th in California, 10:30 am on the 28th in Tokyo.
MOMENT_WORDS = """
from clinic_app import clock
from clinic_app.translation import moment_words
moment = "2026-11-28T01:30:00+00:00"
print(clock.local_moment(moment).isoformat(), "|", moment_words(moment, "en"), "|", moment_words(moment, "es"))
"""


def test_a_stored_moment_is_shown_in_the_clinics_own_time_and_language():
    expected = {
        "America/Los_Angeles": "2026-11-27T17:30:00-08:00 | 11/27/26, 5:30 PM | 27/11/26, 17:30",
        "Asia/Tokyo": "2026-11-28T10:30:00+09:00 | 11/28/26, 10:30 AM | 28/11/26, 10:30",
    }
    for zone, words in expected.items():
        env = {**os.environ, "TZ": zone}
        out = subprocess.run([sys.executable, "-c", MOMENT_WORDS], env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        assert out.strip().replace("\u202f", " ") == words, zone


# A stored moment cut by hand ("2026-11-28T01:30"[:16], created_at[:10]) shows UTC: the next
# day for an evening entry in the Americas. ui.labels.moment_text words it in local time.
MOMENT_SLICE = re.compile(
    r"(_at|_seen|\.at|str\(value\))\)?(\s+or\s+\"\"\))?\[:\d+\]|\.replace\(\"T\", \" \"\)|\butc_minute\("
    r"|\b\w+=[\w.]+(_at|_seen)\b(?![\w(])"  # a stored moment handed raw to a sentence: at=manifest.created_at
)


def test_the_app_never_cuts_a_stored_moment_by_hand():
    for bad in ('str(value)[:16].replace("T", " ")', "matter.stamps.created_at[:10]", '(user.created_at or "")[:10]',
                "utc_minute(sender.last_seen)", "r.at[:16]", "at=report.manifest.created_at, by=x"):
        assert MOMENT_SLICE.search(bad), bad
    assert not MOMENT_SLICE.search("sender.vault_id[:8]") and not MOMENT_SLICE.search("moment_text(r.at)")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in ("ui", "clinic_app/cli", "clinic_app/backup")  # what people read; packets keep UTC for PDF metadata
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if MOMENT_SLICE.search(line)
    ]
    assert offenders == []
