"""Qt's own words that its Spanish catalogue lacks, or words for Spain, worded for the clinic.

Qt's `qtbase_es.qm` (shipped in pyside6-essentials, loaded by `ui/i18n.py`; Debian's
qt6-translations-l10n 6.4 and qttranslations5-l10n 5.15 carry the very same file) has not kept
up with Qt 6: the file dialog's labels gained access keys ("&Look in:", "Files of &type:") and
the print dialog its two-sided options, so those show in English. It also says "fichero" and
"directorio" where Los Angeles clinics say "archivo" and "carpeta", and its "Go to the parent
directory" lost a letter ("r al directorio superior").

Our catalogue is installed after Qt's, so Qt asks it first: an entry under Qt's own context
(`QFileDialog`, ...) replaces Qt's words. The literal translate() calls below are what puts them in
`clinic_app_es.ts` (lupdate reads them); the app never calls this function.
`tests/ui/test_qt_own_words.py` opens Qt's dialogs in Spanish and fails on any string of Qt's
that neither catalogue words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_own_words() -> list[str]:
    """Each string in the current language (the test checks each one is worded in Spanish)."""
    translate = QCoreApplication.translate
    return [
        # Missing from Qt's catalogue (new or changed in Qt 6).
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QPrintSettingsOutput", "Double Sided Printing"),
        translate("QPrintSettingsOutput", "Long side binding"),
        translate("QPrintSettingsOutput", "Short side binding"),
        translate("QPrintSettingsOutput", "Off"),
        translate("QPrintSettingsOutput", "Page &Set:"),
        translate("QPrintSettingsOutput", "Pages"),
        translate(
            "QPrintSettingsOutput",
            "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated "
            "by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
        ),
        # Worded for Spain ("fichero", "directorio") or wrong in Qt's catalogue.
        translate("QFileDialog", "File &name:"),
        translate("QFileDialog", "All Files (*)"),
        translate("QFileDialog", "Show &hidden files"),
        translate("QFileDialog", "Directories"),
        translate("QFileDialog", "Directory:"),
        translate("QFileDialog", "Parent Directory"),
        translate("QFileDialog", "Go to the parent directory"),
        translate("QFileDialog", "Forward"),
        translate("QFileDialog", "Change to list view mode"),
        translate("QFileDialog", "Find Directory"),
        translate("QFileDialog", "Could not delete directory."),
        translate("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        translate("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
        translate("QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."),
        translate("QFileSystemModel", "Invalid filename"),
        translate("QPrintWidget", "Output &file:"),
        translate("QPrintDialog", "Print To File ..."),
        translate("QPrintDialog", "File %1 is not writable.\nPlease choose a different file name."),
    ]
