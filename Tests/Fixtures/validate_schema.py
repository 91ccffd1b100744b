"""Validates JSON Lines on standard input against a JSON Schema file.

usage: validate_schema.py SCHEMA < records.jsonl
Prints one line per invalid record and exits 1 if any record is invalid or none were given.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker

with open(sys.argv[1], encoding="utf-8") as schema_file:
    validator = Draft202012Validator(json.load(schema_file), format_checker=FormatChecker())
count = 0
invalid = 0
for number, line in enumerate(sys.stdin, start=1):
    if not line.strip():
        continue
    count += 1
    for error in validator.iter_errors(json.loads(line)):
        invalid += 1
        print(f"line {number}: {'/'.join(map(str, error.path))}: {error.message}")
print(f"{count} records, {invalid} errors", file=sys.stderr)
sys.exit(0 if count and not invalid else 1)
