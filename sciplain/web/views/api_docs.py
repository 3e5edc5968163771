"""The API's human documentation, written from the same OpenAPI schema machines read."""

from django.shortcuts import render

from ..api import API_RATE_LIMIT, openapi_schema


def _parameters(operation: dict) -> list[dict]:
    out = []
    for p in operation.get("parameters", []):
        schema = p.get("schema", {})
        kinds = [schema.get("type")] + [a.get("type") for a in schema.get("anyOf", [])]
        out.append({"name": p["name"], "where": p["in"], "required": p.get("required", False),
                    "type": " or ".join(k for k in kinds if k and k != "null") or "string",
                    "description": schema.get("description") or p.get("description", ""),
                    "default": schema.get("default", "")})
    return out


def api_docs(request):
    schema = openapi_schema()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""), "parameters": _parameters(op)}
        for path, methods in schema["paths"].items() for method, op in methods.items()
    ]
    return render(request, "web/api_docs.html", {"endpoints": endpoints, "info": schema["info"],
                                                 "rate_limit": API_RATE_LIMIT})
