"""The bare floor: a process that only reads and parses a project's YAML with the C loader."""

import pathlib
import sys

import yaml

for path in sorted(pathlib.Path(sys.argv[1]).glob("*/*.yml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
