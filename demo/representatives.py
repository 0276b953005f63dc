"""Demo content for the representatives beyond the MP: every police force area with its commissioner or mayor
(the shipped table), and the devolved parliaments' samples (geography/data/samples/README.md says where each
comes from: the Scottish members and the Assembly's are those elected in 2016, the samples' latest).

Each loader keeps what staff have edited, so a second run changes nothing they changed."""

from pathlib import Path

from geography import devolved, police_governance
from geography.models import Body

SAMPLES = Path(devolved.__file__).resolve().parent / "data" / "samples"
PARLPARSE_2016 = "https://github.com/mysociety/parlparse/tree/efb27c8/rawdata/2016_election"

AREAS = [
    ("scottish_parliament_areas.csv", Body.SCOTTISH_PARLIAMENT),
    ("senedd_constituencies_2026.csv", Body.SENEDD),
    ("ni_assembly_constituencies.csv", Body.NI_ASSEMBLY),
]
MEMBERS = [
    ("msps_2016.csv", Body.SCOTTISH_PARLIAMENT, f"{PARLPARSE_2016}/msp.csv"),
    ("mlas_2016.csv", Body.NI_ASSEMBLY, f"{PARLPARSE_2016}/mla.csv"),
]


def run(stdout):
    police_governance.load()
    devolved.load_scottish_postcodes(SAMPLES / "scottish_postcode_directory_extract.csv")
    for name, body in AREAS:
        devolved.load_areas(SAMPLES / name, body)
    for name, body, source in MEMBERS:
        devolved.load_members(SAMPLES / name, body, source_url=source)
    stdout.write(
        "Representatives: police and crime commissioners and mayors, and sample Scottish Parliament and "
        "Assembly members (try AB12 9SB)."
    )
