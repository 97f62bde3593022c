"""PySide6 desktop interface. Imports the core; the core never imports this package."""
