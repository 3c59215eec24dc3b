#!/usr/bin/env python3
# Maintainer's one-off, kept for the record: the build never runs it.
# It tightened Herald's v1 payload schemas to the consumers' contract (contract/.../consumer-contract, draft-07)
# on 2026-12-07, so that every payload Herald accepts is one the consumers accept; see
# ejb/src/test/resources/dev/herald/schema/published/CORRECTIONS.tsv. Rerunning it on already corrected schemas
# changes nothing. Usage: python3 tools/merge-consumer-contract.py (from the repository root).
import copy
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "contract/src/main/resources/dev/herald/contract/consumer-contract/payload"
HERALD = ROOT / "schemas/src/main/resources/dev/herald/schemas"
UUID_PATTERN = "^[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}$"
# AssertedFormats.SUPPORTED: Herald refuses to load a schema with another format (email needs a library Herald
# lacks), and the contract's pattern carries the check anyway.
SUPPORTED_FORMATS = {"date-time", "date", "time", "duration", "uuid", "uri", "uri-reference", "iri", "iri-reference",
                     "uri-template", "hostname", "json-pointer", "relative-json-pointer", "regex"}
TENANT_ID = {"type": "string", "format": "uuid", "pattern": UUID_PATTERN}
# draft-07 annotations of the contract that carry no constraint for Herald.
CONTRACT_ONLY = {"x-unknownKeys", "default", "$schema", "$id", "title"}


def types_of(schema):
    t = schema.get("type")
    if t is None:
        return None
    return [t] if isinstance(t, str) else list(t)


def without_null_branch(contract):
    """{anyOf: [X, {type: null}]} is X that also takes null: flattened so that Herald's schema stays one object."""
    branches = contract.get("anyOf")
    if not branches or len(branches) != 2 or {"type": "null"} not in branches:
        return contract
    other = copy.deepcopy(next(b for b in branches if b != {"type": "null"}))
    other["type"] = sorted(set(types_of(other) or []) | {"null"}, key=["string", "number", "integer", "boolean", "object", "array", "null"].index)
    if "enum" in other:
        other["enum"] = other["enum"] + [None]
    rest = {k: v for k, v in contract.items() if k != "anyOf"}
    return merge(other, rest) if rest else other


def merge(herald, contract):
    """A schema accepting only what both accept, written in Herald's style (Herald's keywords kept, the contract's added)."""
    contract = without_null_branch(contract)
    if "anyOf" in contract:
        raise ValueError("nested union left for a hand edit: " + json.dumps(contract)[:200])
    result = copy.deepcopy(herald)
    for key, value in contract.items():
        if key in CONTRACT_ONLY:
            continue
        if key == "description":
            if not herald:
                result["description"] = value
        elif key == "type":
            mine, theirs = types_of(result), types_of(contract)
            if mine is None:
                result["type"] = value
            else:
                common = [t for t in mine if t in theirs or (t == "integer" and "number" in theirs)]
                if not common:
                    raise ValueError("no common type: %s / %s" % (mine, theirs))
                result["type"] = common[0] if len(common) == 1 else common
        elif key == "enum":
            result["enum"] = [v for v in result["enum"] if v in value] if "enum" in result else list(value)
        elif key == "const":
            if "const" in result and result["const"] != value:
                raise ValueError("conflicting const")
            result["const"] = value
        elif key in ("minLength", "minimum", "minItems", "exclusiveMinimum"):
            result[key] = max(result.get(key, value), value)
        elif key in ("maxLength", "maximum", "maxItems"):
            result[key] = min(result.get(key, value), value)
        elif key == "format":
            if value in SUPPORTED_FORMATS:
                result.setdefault("format", value)
        elif key == "pattern":
            if result.get("pattern", value) != value:
                raise ValueError("conflicting pattern")
            result["pattern"] = value
        elif key == "required":
            result["required"] = result.get("required", []) + [n for n in value if n not in result.get("required", [])]
        elif key == "items":
            result["items"] = merge(result.get("items", {}), value)
        elif key == "properties":
            closed = result.get("additionalProperties") is False
            properties = result.setdefault("properties", {})
            for name, sub in value.items():
                if name in properties:
                    properties[name] = merge(properties[name], sub)
                elif not closed or name in contract.get("required", []):
                    # An open Herald object (comment, emailData, error, ... were plain {"type": "object"}) lets
                    # this key through unchecked, so it must carry the contract's check.
                    properties[name] = merge({}, sub)
        elif key == "additionalProperties":
            if value is True or value == {}:
                continue
            mine = result.get("additionalProperties", True)
            if mine is False:
                continue
            result["additionalProperties"] = merge({} if mine is True else mine, value)
        else:
            raise ValueError("keyword not handled: " + key)
    return result


def tighten_tenant(shape):
    if "tenantId" in shape.get("properties", {}):
        prop = shape["properties"]["tenantId"]
        description = prop.get("description")
        shape["properties"]["tenantId"] = dict(TENANT_ID, **({"description": description} if description else {}))


def required_overlap(herald_branch, contract_branch):
    mine, theirs = set(herald_branch.get("required", [])), set(contract_branch.get("required", []))
    return (theirs <= mine, len(mine & theirs) - len(theirs ^ mine))


def correct(event_type, ref):
    path = HERALD / "payload" / (ref + ".json")
    herald = json.loads(path.read_text())
    contract = json.loads((CONTRACT / (event_type + ".json")).read_text())
    if event_type.startswith("INVENTORY_"):
        herald = inventory(herald, contract)
    elif "anyOf" in contract:
        for name, branch in herald["definitions"].items():
            match = max(contract["anyOf"], key=lambda c: required_overlap(branch, c))
            herald["definitions"][name] = merge(branch, match)
            tighten_tenant(herald["definitions"][name])
    else:
        if "anyOf" in herald:
            raise ValueError(ref + ": Herald union against a plain contract object")
        herald = merge(herald, contract)
        tighten_tenant(herald)
    path.write_text(json.dumps(herald, indent=2, ensure_ascii=False) + "\n")


def inventory(herald, contract):
    """Only the consumers' snake_case shape; tenantId is allowed beside tenant because Herald's envelope needs it."""
    legacy = herald["definitions"]["legacy"] if "definitions" in herald else herald
    shape = merge({k: v for k, v in legacy.items() if k != "description"}, contract)
    shape["properties"]["tenant"] = dict(TENANT_ID, description="Tenant ID, as the consumers read it.")
    shape["properties"]["tenantId"] = dict(TENANT_ID, description="The same tenant, for Herald's envelope; the publisher sets it when absent.")
    shape["additionalProperties"] = False
    result = {k: herald[k] for k in ("$schema", "$id", "title", "description") if k in herald}
    result.update({k: v for k, v in shape.items() if k != "description"})
    result["examples"] = [e for e in herald.get("examples", []) if "tenant" in e]
    return result


def main():
    catalog = json.loads((HERALD / "catalog/system-catalog.json").read_text())
    failures = []
    for entry in catalog:
        try:
            correct(entry["eventType"], entry["payloadSchemaRef"])
        except ValueError as e:
            failures.append("%s: %s" % (entry["eventType"], e))
    print("\n".join(failures) or "all corrected", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
