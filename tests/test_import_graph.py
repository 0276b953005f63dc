"""No import cycles inside or between the apps and the bench, and the apps layered as MAY_IMPORT says: built
from the source, counting imports inside functions.

Importing `a.b.c` is an edge to `a.b.c` only (not to its parent package `a.b`); `from a.b import c` is an
edge to the module `a.b.c` when there is one, else to `a.b`. Only the project's own packages count.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("geography", "campaign", "support", "petition")
# `demo` (sample content for local runs) counts once it exists; nothing may import it.
PACKAGES = tuple(
    package for package in ("website", *APPS, "demo", "bench") if (ROOT / package / "__init__.py").exists()
)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imports_of(name, path, modules):
    """The project modules `name` imports, anywhere in its source."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in modules else base)
    return {target for target in found if target in modules and target != name}


def import_graph():
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def find_cycles(graph):
    """Each strongly connected group of modules, as one concrete cycle through it (Tarjan, then a walk)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_cycle_in(graph, group) for group in groups]


def _cycle_in(graph, group):
    start = min(group)
    path, seen = [start], {start}
    while True:
        for target in sorted(graph[path[-1]] & group):
            if target == start or target not in seen:
                break
        if target == start:
            return [*path, start]
        if target in seen:  # a loop that does not pass through the start: name that loop
            return [*path[path.index(target) :], target]
        path.append(target)
        seen.add(target)


def test_the_apps_have_no_import_cycles():
    cycles = find_cycles(import_graph())
    assert not cycles, "Import cycles:\n" + "\n".join(" → ".join(cycle) for cycle in cycles)


def test_the_cycle_finder_names_a_cycle_and_reads_imports_inside_functions(tmp_path):
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": {"a.x"}}
    assert find_cycles(graph) == [["a.x", "a.y", "a.z", "a.x"]]
    source = tmp_path / "mod.py"
    source.write_text("def f():\n    from a.pkg import sub, name\n    import a.other\n")
    modules = {"a.mod": source, "a.pkg": source, "a.pkg.sub": source, "a.other": source}
    assert imports_of("a.mod", source, modules) == {"a.pkg", "a.pkg.sub", "a.other"}


# What each package may import of the others, where it is limited. The project package (settings, site-wide
# pages, staff sign-in) imports no app. Geography is keyed by postcode and shared by the apps: it imports no
# other app (the project package only, for the staff groups). Sample content is only ever run, never
# imported: no package imports `demo`.
MAY_IMPORT = {
    "website": {"website"},
    "geography": {"geography", "website"},
}
NOBODY_IMPORTS = {"demo"}


def against_the_layering(graph):
    broken = set()
    for name, targets in graph.items():
        package = name.split(".")[0]
        for target in targets:
            target_package = target.split(".")[0]
            if target_package == package:
                continue
            if target_package in NOBODY_IMPORTS or target_package not in MAY_IMPORT.get(package, PACKAGES):
                broken.add(f"{name} → {target}")
    return sorted(broken)


def test_each_package_imports_only_what_the_layering_allows():
    broken = against_the_layering(import_graph())
    assert not broken, "Imports against the layering:\n" + "\n".join(broken)


def test_the_layering_rules_catch_an_app_in_website_geography_reaching_an_app_and_any_import_of_demo():
    graph = {
        "website.urls": {"campaign.views", "website.pages"},
        "website.pages": set(),
        "geography.lookup": {"website.groups", "petition.models"},
        "website.groups": set(),
        "campaign.views": {"geography.lookup", "demo.seed"},
        "petition.models": set(),
        "demo.seed": {"campaign.views"},
    }
    assert against_the_layering(graph) == [
        "campaign.views → demo.seed",
        "geography.lookup → petition.models",
        "website.urls → campaign.views",
    ]


def test_only_the_demo_itself_imports_the_demo():
    importers = sorted(
        f"{name} → {target}"
        for name, targets in import_graph().items()
        if name.split(".")[0] != "demo"
        for target in targets
        if target.split(".")[0] == "demo"
    )
    assert not importers, "Imports of the demo package:\n" + "\n".join(importers)
