"""The restricted categories of fact and the field names they arrive under.

Immigration status, citizenship, A-number, place of birth, SSN, immigration court details
and the attorney's immigration analysis are never ordinary fields. They may exist only in
the purpose-bound restricted store (services/restricted*.py). Pure data, no I/O; which
categories a state needs is `state_profiles.categories_needed_by_state`.
"""

from __future__ import annotations

from enum import Enum


class Category(str, Enum):
    IMMIGRATION_STATUS = "immigration_status"
    CITIZENSHIP = "citizenship"
    A_NUMBER = "a_number"
    PLACE_OF_BIRTH = "place_of_birth"
    SSN = "ssn"
    IMMIGRATION_COURT = "immigration_court"
    IMMIGRATION_ANALYSIS = "immigration_analysis"  # attorney work product


# Every field name a restricted fact may arrive under (clinic-intake `restricted` keys and
# state-profile `restricted_fields_needed` entries), and its category.
FIELD_CATEGORY: dict[str, Category] = {
    "immigration_status": Category.IMMIGRATION_STATUS,
    "citizenship": Category.CITIZENSHIP,
    "a_number": Category.A_NUMBER,
    "alien_number": Category.A_NUMBER,
    "place_of_birth": Category.PLACE_OF_BIRTH,
    "country_of_birth": Category.PLACE_OF_BIRTH,
    "ssn": Category.SSN,
    "social_security_number": Category.SSN,
    "immigration_court": Category.IMMIGRATION_COURT,
    "immigration_hearing_date": Category.IMMIGRATION_COURT,
    "detention": Category.IMMIGRATION_COURT,
    "immigration_analysis": Category.IMMIGRATION_ANALYSIS,
}

# The field names a person picks from when entering a value by hand, per category.
FIELDS_BY_CATEGORY: dict[Category, list[str]] = {}
for _field, _category in FIELD_CATEGORY.items():
    if _field not in ("alien_number", "social_security_number"):
        FIELDS_BY_CATEGORY.setdefault(_category, []).append(_field)


class PurposeKind(str, Enum):
    PROFILE_REQUIRES = "profile_requires"  # the matter's state profile declares the field needed
    ATTORNEY_WORK_PRODUCT = "attorney_work_product"  # an attorney's analysis; never in a packet


def category_of(field_name: str) -> Category | None:
    key = field_name.strip().lower()
    if key in FIELD_CATEGORY:
        return FIELD_CATEGORY[key]
    try:
        return Category(key)
    except ValueError:
        return None
