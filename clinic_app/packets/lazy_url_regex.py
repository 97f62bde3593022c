"""ReportLab's paragraph module imported without compiling its URL regex (about 28 ms a process).

`reportlab.platypus.paragraph` compiles `uri_pat` when imported: a URL pattern case-folded over
U+00A1–U+FFFF, which is slow to compile. Only its URL-aware word splitting uses it (styles with
`uriWasteReduce` or hyphenation), which no document of ours turns on. `install()` (run by
`clinic_app.packets`, so before any packet module imports ReportLab) makes that one pattern
compile on its first use instead. `tests/core/test_packets_lazy_url_regex.py` fails if a
ReportLab upgrade changes what this relies on.
"""

from __future__ import annotations

import re
import sys
from functools import cached_property

PARAGRAPH = "reportlab.platypus.paragraph"
_SLOW_RANGE = "\xa1-\uffff"  # case-folding this range is what takes the time


class LazyPattern:
    """A compiled pattern made on first use; stands in for `re.Pattern` where only its methods are called."""

    def __init__(self, pattern: str, flags: int):
        self._source = (pattern, flags)

    @cached_property
    def compiled(self) -> re.Pattern:
        return re.compile(*self._source)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


class _ParagraphFinder:  # a meta path finder (importlib.abc would cost 10 ms to import)
    """Finds ReportLab's paragraph module as the next finders do (files, or a frozen app's
    archive) and runs its top level with the slow pattern made lazy."""

    def find_spec(self, fullname, path, target=None):
        if fullname != PARAGRAPH:
            return None
        sys.meta_path.remove(self)  # once: the module is loaded next
        for finder in sys.meta_path:
            spec = finder.find_spec(fullname, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                spec.loader = _DeferringLoader(spec.loader)
                return spec
        return None


class _DeferringLoader:  # a loader
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        compile_now = re.compile

        def compile_or_defer(pattern, flags=0):
            if isinstance(pattern, str) and flags & re.IGNORECASE and _SLOW_RANGE in pattern:
                return LazyPattern(pattern, flags)
            return compile_now(pattern, flags)

        re.compile = compile_or_defer  # only while the module's top level runs
        try:
            self.loader.exec_module(module)
        finally:
            re.compile = compile_now

    def __getattr__(self, name: str):  # get_data, get_source...: the real loader's
        return getattr(self.loader, name)


def install() -> None:
    """Before ReportLab's paragraph module is first imported (a no-op after)."""
    if PARAGRAPH not in sys.modules and not any(isinstance(f, _ParagraphFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _ParagraphFinder())
