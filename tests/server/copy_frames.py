"""A stand-in for `demotrace redact frames IN_DIR --out DIR` in service tests that are about the
service's plumbing (release, roles, deletion), not about OCR: it copies every frame unchanged
under the same name. Tests of the real frame pass belong to the redaction suite; the service's
own failure handling is tested with a command that fails."""

import shutil
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[sys.argv.index("--out") + 1])
for p in sorted((src / "frames").glob("*")):
    (out / "frames").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(p, out / "frames" / p.name)
