"""Checks .plainlint.yml files against plainlint's JSON Schema with the jsonschema package (an independent
validator), for the end-to-end tests.

Usage: validate_config.py SCHEMA.json FILE.yml ...
Prints one JSON object: each file's path with the list of validation errors (empty when it is valid). The schema
itself is first checked against its meta-schema (draft 2020-12); a bad schema exits with status 1.
"""
import json
import sys

import jsonschema
import yaml


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    results = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        results[path] = sorted(error.message for error in validator.iter_errors(document))
    json.dump({"validator": validator_class.__name__, "results": results}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
