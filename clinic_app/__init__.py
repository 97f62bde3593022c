"""Clinic Intake core: encrypted vault, domain, services, packets, backup. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "Clinic Intake"
APP_ID = "clinic-intake"
ORG_NAME = "Clinic Intake"
