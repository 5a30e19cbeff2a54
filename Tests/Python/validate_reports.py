"""Checks plainlint's reports against their formats' published JSON Schemas with the jsonschema package (an
independent validator), for the end-to-end tests.

Usage: validate_reports.py SCHEMA.json REPORT [--lines]
With --lines the report is JSON Lines and each line is checked on its own (reviewdog's rdjsonl). Prints one JSON
object: the validator's name, how many documents were checked, and every validation error with its path. The
schema itself is first checked against its meta-schema; a bad schema exits with status 1.
"""
import json
import sys

import jsonschema


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    with open(sys.argv[2], encoding="utf-8") as handle:
        text = handle.read()
    if "--lines" in sys.argv[3:]:
        documents = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        documents = [json.loads(text)]
    errors = []
    for number, document in enumerate(documents, start=1):
        for error in validator.iter_errors(document):
            place = "/".join(str(part) for part in error.absolute_path)
            errors.append(f"document {number} at /{place}: {error.message}")
    json.dump({"validator": validator_class.__name__, "documents": len(documents), "errors": sorted(errors)},
              sys.stdout, indent=1)


if __name__ == "__main__":
    main()
