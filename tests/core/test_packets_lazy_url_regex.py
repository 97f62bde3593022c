"""ReportLab's URL regex is compiled on first use, not at import (`packets/lazy_url_regex.py`),
and ReportLab still uses it only in the ways the stand-in supports."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys

PROBE = r"""
import re, sys
import clinic_app.packets.render  # imports ReportLab's paragraph module as a build does
from clinic_app.packets.lazy_url_regex import LazyPattern
from reportlab.platypus import paragraph
pattern = paragraph.uri_pat
print(type(pattern).__name__, "compiled" in vars(pattern), re.compile.__module__, type(sys.meta_path[0]).__name__)
print(paragraph._uri_split_pairs("https://example.org/records/2001/minute-order"))
print(paragraph._uri_split_pairs("not a url"), "compiled" in vars(pattern))
"""


def test_reportlab_paragraph_defers_its_url_regex_to_first_use():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    deferred, pairs, not_url = done.stdout.splitlines()
    # A ReportLab that no longer compiles a case-folded U+00A1-U+FFFF pattern at import fails here: drop lazy_url_regex.
    assert deferred.split()[:3] == ["LazyPattern", "False", "re"]  # deferred, not yet compiled; re.compile given back
    assert deferred.split()[3] != "_ParagraphFinder"  # the finder left sys.meta_path after its one module
    from reportlab.platypus import paragraph

    real = re.compile(paragraph.uri_pat.pattern, paragraph.uri_pat.flags)
    match = real.match("https://example.org/records/2001/minute-order")
    assert match is not None and pairs.startswith("[('https://example.org/records/2001/', 'minute-order')")
    assert not_url == "None True"


def test_reportlab_uses_the_url_regex_only_through_its_match_method():
    from reportlab.platypus import paragraph

    uses = re.findall(r"uri_pat\W*\w*", inspect.getsource(paragraph))
    assert uses and all(u.startswith(("uri_pat = re", "uri_pat.match")) for u in uses), uses


def test_the_stand_in_matches_as_the_compiled_pattern():
    from clinic_app.packets.lazy_url_regex import LazyPattern

    pattern, flags = r"(^[a-z\xa1-\uffff]+)://(\S+)", re.IGNORECASE
    lazy, real = LazyPattern(pattern, flags), re.compile(pattern, flags)
    for text in ("HTTPS://Ünïcode.example/x", "mailto:x", "ftp://a b"):
        assert (lazy.match(text) and lazy.match(text).groups()) == (real.match(text) and real.match(text).groups())
    assert lazy.pattern == real.pattern and lazy.flags == real.flags
