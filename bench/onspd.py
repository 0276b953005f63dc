"""A synthetic full-size ONSPD: the real Aberdeen extract's rows, repeated with new, unique postcodes."""

import os
import string
import time
from pathlib import Path

from bench.services import TMP, log
from bench.stack import shared_data

SAMPLE = Path(
    os.environ.get("BENCH_ONSPD_SAMPLE", shared_data() / "onspd" / "onspd_2024aug_extract_aberdeen.csv")
)
ROWS = 2_700_000
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses in the inward code


def synthetic_postcode(index):
    """A distinct, well-formed postcode for every index: ZA1 0AA, ZA1 0AB, … (no real area starts with Z)."""
    unit = index % 400
    sector = (index // 400) % 10
    district = (index // 4000) % 99 + 1
    area = "Z" + string.ascii_uppercase[index // (4000 * 99)]
    outward = f"{area}{district}"
    inward = f"{sector}{UNIT_LETTERS[unit // 20]}{UNIT_LETTERS[unit % 20]}"
    return outward, inward


def build(rows=ROWS):
    """Write the file once and reuse it on later runs (about 1 GB, like the real one)."""
    if not SAMPLE.exists():
        raise FileNotFoundError(f"the ONSPD sample {SAMPLE} is not there (shared/ beside the clone)")
    target = TMP / f"onspd_synthetic_{rows}.csv"
    if target.exists() and target.stat().st_mtime > SAMPLE.stat().st_mtime:
        return target
    started = time.monotonic()
    lines = SAMPLE.read_text().splitlines()
    header, sample = lines[0], [line.split(",", 3)[3] for line in lines[1:]]
    partial = target.with_suffix(".partial")
    with open(partial, "w", buffering=1 << 20) as out:
        out.write(header + "\n")
        batch = []
        for index in range(rows):
            outward, inward = synthetic_postcode(index)
            pcd7 = f"{outward:<4}{inward}"
            batch.append(f"{pcd7},{outward:<5}{inward},{outward} {inward},{sample[index % len(sample)]}\n")
            if len(batch) == 50_000:
                out.writelines(batch)
                batch = []
        out.writelines(batch)
    partial.rename(target)
    log(f"built {target.name} ({target.stat().st_size // 1_000_000} MB) in {time.monotonic() - started:.0f}s")
    return target
