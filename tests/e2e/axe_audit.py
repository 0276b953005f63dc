"""The accessibility audit: axe-core run in the page, and a report a failing test can print."""

SERIOUS = {"serious", "critical"}


def serious_violations(page):
    """Run axe-core in the page; return its serious and critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in SERIOUS]


def describe_violations(violations):
    """One line per violation and per offending node, so a failure says what to fix and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + summary.replace("\n", "\n      "))
    return "\n".join(lines)
