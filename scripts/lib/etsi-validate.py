#!/usr/bin/env python3
"""Validates JSON bodies against a component schema of an ETSI MEC OpenAPI file (JSON Schema 2020-12).

    etsi-validate.py SPEC_DIR FILE.yaml SchemaName < body.json      exit 0 = conforms, else prints the errors
    etsi-validate.py --check                                        exit 0 when jsonschema and PyYAML are importable

Applies the same loosening as the Java fixture EtsiOpenApi (oneedge-mec-platform tests): enums listing
SEE_DESCRIPTION or a single value beside a description are dropped, nullable becomes a null type, x-etsi-* and
misspelt keys are removed, a 'type: object' beside a $ref is dropped, and one-property response wrappers
{type: object, properties: {X: {$ref}}} are unwrapped. Needs python3-jsonschema and python3-yaml.
"""
import json
import os
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError as e:  # the caller saves the bodies and leaves validation to the JUnit IT
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        sys.exit(1)
    print(f"cannot validate: {e}", file=sys.stderr)
    sys.exit(3)

if sys.argv[1] == "--check":
    sys.exit(0)

SCHEMA_KEYS = {"type", "properties", "required", "items", "enum", "$ref", "allOf", "anyOf", "oneOf", "not",
               "additionalProperties", "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength",
               "pattern", "format", "description", "nullable", "const", "default", "exclusiveMinimum",
               "exclusiveMaximum", "uniqueItems", "title", "example", "examples", "discriminator", "readOnly",
               "writeOnly", "deprecated", "minProperties", "maxProperties", "multipleOf", "patternProperties"}


def tweak(node):
    if isinstance(node, list):
        return [tweak(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k == "properties" and isinstance(v, dict):
            out[k] = {name: tweak(s) for name, s in v.items()}
        elif k in SCHEMA_KEYS:
            out[k] = tweak(v)
    enum = out.get("enum")
    if isinstance(enum, list) and ("SEE_DESCRIPTION" in enum or (len(enum) == 1 and "description" in out)):
        del out["enum"]
    if out.pop("nullable", False) is True and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if "$ref" in out and out.get("type") == "object":
        del out["type"]
    for k in ("discriminator", "example", "examples"):
        out.pop(k, None)
    props = out.get("properties")
    if (out.get("type") == "object" and isinstance(props, dict) and len(props) == 1 and not out.get("required")
            and "$ref" in next(iter(props.values())) and set(out) <= {"type", "properties", "description"}):
        return next(iter(props.values()))
    return out


spec_dir, file_name, schema_name = sys.argv[1:4]
spec = os.path.join(spec_dir, file_name)
# Parsing the large YAML files dominates; the tweaked components are cached as JSON beside the temp files.
cache = os.path.join(tempfile.gettempdir(), "etsi-validate-cache",
                     f"{file_name}.{int(os.path.getmtime(spec))}.{os.path.getsize(spec)}.json")
try:
    with open(cache) as f:
        components = json.load(f)
except (OSError, ValueError):
    with open(spec) as f:
        doc = yaml.safe_load(f)
    components = doc.get("components", {})
    components["schemas"] = {n: tweak(s) for n, s in components.get("schemas", {}).items()}
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    with open(cache + ".tmp", "w") as f:
        json.dump(components, f, default=str)
    os.replace(cache + ".tmp", cache)
if schema_name not in components["schemas"]:
    print(f"{file_name} has no schema {schema_name}", file=sys.stderr)
    sys.exit(2)
schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": f"#/components/schemas/{schema_name}",
          "components": components}
body = json.load(sys.stdin)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(body), key=lambda e: list(e.absolute_path))
for e in errors[:10]:
    print(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}")
sys.exit(1 if errors else 0)
