"""JUnit XML: a test case per measure and per portfolio rule, for CI dashboards.

Findings at or above the fail level are failures; the others are listed in
the case's ``system-out`` so that the report carries every finding. A case whose only
findings are accepted is skipped, with the decision as the reason. XML 1.0 cannot
hold most control characters, not even as a character reference, so every text and
attribute goes through :func:`base.visible` first: the report parses for any file name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..catalogue import CATALOGUE
from ..findings import Finding
from ..printable import visible
from .base import Output
from .text import line


def _case(
    suite: ET.Element, classname: str, name: str, findings: list[Finding], output: Output
) -> None:
    case = ET.SubElement(suite, "testcase", classname=classname, name=visible(name))
    failing = [f for f in findings if output.failing(f)]
    passing = [f for f in findings if not output.failing(f)]
    accepted = [f.accepted for f in findings if f.accepted is not None]
    if accepted and len(accepted) == len(findings):
        reasons = "; ".join(f"{a.decision} ({a.author}, {a.date.isoformat()})" for a in accepted)
        ET.SubElement(case, "skipped", message=visible(f"bewust aanvaard: {reasons}"))
    if failing:
        first = failing[0]
        failure = ET.SubElement(
            case, "failure", message=visible(first.message), type=visible(first.code)
        )
        failure.text = "\n".join(map(line, failing))
    if passing:
        ET.SubElement(case, "system-out").text = "\n".join(map(line, passing))


def render(output: Output) -> str:
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    by_rule: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in output.findings:
        if finding.portfolio:
            by_rule[(finding.portfolio, finding.code)].append(finding)
        else:
            by_subject[str(finding.subject) or finding.path].append(finding)
    root = ET.Element("testsuites", name="speelveld")
    measures = ET.SubElement(root, "testsuite", name="maatregelen")
    for measure in output.measures:
        _case(measures, "measure", measure, by_subject.pop(f"measure:{measure}", []), output)
    # One suite per portfolio judged, and any other that a finding names; a listing where
    # no portfolio was judged has none, not a suite of rules that seem to pass.
    portfolios = tuple(dict.fromkeys([*output.portfolios, *(p for p, _ in by_rule)]))
    for portfolio in portfolios:
        # Named as before when only the plan is reported.
        name = "portefeuille" if portfolios == ("plan",) else f"portefeuille {portfolio}"
        suite = ET.SubElement(root, "testsuite", name=visible(name))
        for rule in CATALOGUE.values():
            if rule.scope == "portfolio":
                found = by_rule.get((portfolio, rule.id), [])
                _case(suite, f"portfolio.{portfolio}", rule.id, found, output)
    inputs = ET.SubElement(root, "testsuite", name="invoer")
    for subject, findings in sorted(by_subject.items()):
        _case(inputs, "input", subject, findings, output)
    for suite in root:
        suite.set("tests", str(len(suite)))
        suite.set("failures", str(sum(1 for c in suite if c.find("failure") is not None)))
        suite.set("skipped", str(sum(1 for c in suite if c.find("skipped") is not None)))
    root.set("tests", str(sum(int(s.get("tests", 0)) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", 0)) for s in root)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
