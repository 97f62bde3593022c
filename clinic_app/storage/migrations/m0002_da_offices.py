"""Schema 2: the editable table of district attorney offices (Notice of Intent recipients, PC 4804).

Seeded with all 58 California counties and office names only. Addresses start blank on
purpose: nobody re-checked them, and a wrong address on a served notice is worse than a
readiness problem that asks a person to fill it in (`clinic-app da set`).
"""

CALIFORNIA_COUNTIES = (
    "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte",
    "El Dorado", "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake",
    "Lassen", "Los Angeles", "Madera", "Marin", "Mariposa", "Mendocino", "Merced", "Modoc",
    "Mono", "Monterey", "Napa", "Nevada", "Orange", "Placer", "Plumas", "Riverside", "Sacramento",
    "San Benito", "San Bernardino", "San Diego", "San Francisco", "San Joaquin", "San Luis Obispo",
    "San Mateo", "Santa Barbara", "Santa Clara", "Santa Cruz", "Shasta", "Sierra", "Siskiyou",
    "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama", "Trinity", "Tulare", "Tuolumne",
    "Ventura", "Yolo", "Yuba",
)


def office_name(county: str) -> str:
    if county == "San Francisco":
        return "District Attorney of the City and County of San Francisco"
    return f"{county} County District Attorney's Office"


def apply(conn) -> None:
    conn.execute(
        """CREATE TABLE da_offices (
            state TEXT NOT NULL, county TEXT NOT NULL, office_name TEXT NOT NULL,
            address TEXT NOT NULL, phone TEXT NOT NULL, verified_on TEXT, source TEXT NOT NULL,
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
            PRIMARY KEY (state, county))"""
    )
    conn.executemany(
        "INSERT INTO da_offices VALUES ('CA', ?, ?, '', '', NULL, '', '', 'seed')",
        [(county, office_name(county)) for county in CALIFORNIA_COUNTIES],
    )
