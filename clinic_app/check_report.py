"""What a check found: the status lines it prints and the problems that fail it.

`vault check` (vault_check.py), `backup verify` (backup/verify.py, which `backup create` runs
on what it wrote) and the restore drill (backup/drill.py) each fill one. `lines` are printed
in order ("ok   ...", "warn ...", "FAIL ..."); the check passes when `problems` is empty.
Their `--json` gives both as they are (English under `translation.machine_readable`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic_app.translation import status_line


@dataclass(kw_only=True)  # keyword-only, so each check's own fields can come first
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def passed(self, text: str) -> None:
        self.lines.append(status_line("ok", text))

    def warned(self, text: str) -> None:
        """Worth saying, but not a problem: the check still passes."""
        self.lines.append(status_line("warn", text))

    def failed(self, text: str) -> None:
        """A problem, with its FAIL line here, among the lines of the steps before and after."""
        self.problems.append(text)
        self.lines.append(status_line("fail", text))

    def as_json(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "lines": self.lines}
